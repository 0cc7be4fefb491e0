from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'facilitators/pack.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_t = resolve('t')
    l_0_sessions = resolve('sessions')
    try:
        t_1 = environment.filters['e']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'e' found.")
    try:
        t_2 = environment.filters['plain_markdown']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'plain_markdown' found.")
    pass
    yield '# '
    yield str(t_2(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'pack_title')))
    yield "\n\nPrint one copy of a session's pages for each participant. They hold QR codes that open the session's lessons and\nchecks on a phone, its key ideas, its exercises and room to write. Each session starts on a new page; a one-day\nworkshop hands out all of them.\n\n"
    for l_1_session in (undefined(name='sessions') if l_0_sessions is missing else l_0_sessions):
        l_1_codes = resolve('codes')
        _loop_vars = {}
        pass
        yield '\n<section class="pack-session" markdown="1">\n\n## '
        yield str(t_2(environment.getattr(l_1_session, 'title')))
        yield ' { #'
        yield str(environment.getattr(l_1_session, 'id'))
        yield ' }\n\n### Open on your phone\n\n<ul class="pack-codes">'
        for l_2_entry in environment.getitem((undefined(name='codes') if l_1_codes is missing else l_1_codes), environment.getattr(l_1_session, 'id')):
            _loop_vars = {}
            pass
            yield '\n<li>'
            template = environment.get_template('facilitators/qr.html', 'facilitators/pack.html')
            gen = template.root_render_func(template.new_context(context.get_all(), True, {'entry': l_2_entry, 'session': l_1_session}))
            try:
                for event in gen:
                    yield event
            finally: gen.close()
            yield '\n<a href="'
            yield str(t_1(environment.getattr(l_2_entry, 'href')))
            yield '">'
            yield str(t_1(environment.getattr(l_2_entry, 'title')))
            yield '</a></li>'
        l_2_entry = missing
        yield '\n</ul>\n\n<div class="pack-text" markdown="1">\n\n### Key ideas\n\n'
        for (l_2_title, l_2_text) in environment.getattr(l_1_session, 'summaries'):
            _loop_vars = {}
            pass
            yield '- **'
            yield str(t_2(l_2_title))
            yield '.** '
            yield str(l_2_text)
            yield '\n'
        l_2_title = l_2_text = missing
        yield '\n'
        for l_2_exercise in environment.getattr(l_1_session, 'exercises'):
            _loop_vars = {}
            pass
            yield '\n### '
            yield str(t_2(environment.getattr(l_2_exercise, 'title')))
            yield '\n\n'
            yield str(environment.getattr(l_2_exercise, 'steps'))
            yield '\n'
        l_2_exercise = missing
        yield '\n\n</div>\n\n### Your notes\n\n<div class="pack-lines"></div>\n\n</section>\n'
    l_1_session = l_1_codes = missing

blocks = {}
debug_info = '3=26&9=28&12=33&17=37&18=41&19=48&27=54&28=58&30=64&31=68&33=70'