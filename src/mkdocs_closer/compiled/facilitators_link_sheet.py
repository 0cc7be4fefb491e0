from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'facilitators/link-sheet.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_title = resolve('title')
    l_0_plan = resolve('plan')
    l_0_entries = resolve('entries')
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
    try:
        t_3 = environment.filters['replace']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'replace' found.")
    pass
    yield '# '
    yield str(t_2((undefined(name='title') if l_0_title is missing else l_0_title)))
    yield '\n\n'
    if (undefined(name='plan') if l_0_plan is missing else l_0_plan):
        pass
        yield 'The pages that ['
        yield str(t_2(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'title')))
        yield ']('
        yield str(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'href'))
        yield ') uses, in the order it first links to them.'
    else:
        pass
        yield 'Every lesson, knowledge check and self-assessment, in the order of the navigation.'
    yield '\nPrint this page or show it on a screen: each QR code opens its page on a phone, and each address can be typed in.\n\n<ol class="link-sheet">'
    for l_1_entry in (undefined(name='entries') if l_0_entries is missing else l_0_entries):
        l_1_t = resolve('t')
        _loop_vars = {}
        pass
        yield '\n<li class="link-sheet__entry">\n'
        template = environment.get_template('facilitators/qr.html', 'facilitators/link-sheet.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'entry': l_1_entry}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        yield '\n<div class="link-sheet__text">\n<p class="link-sheet__title"><a href="'
        yield str(t_1(environment.getattr(l_1_entry, 'href')))
        yield '">'
        yield str(t_1(environment.getattr(l_1_entry, 'title')))
        if environment.getattr(l_1_entry, 'section'):
            pass
            yield ' › '
            yield str(t_1(environment.getattr(l_1_entry, 'section')))
        yield '</a></p>\n<p class="link-sheet__kind">'
        yield str(environment.getitem({'lesson': 'Lesson', 'knowledge-check': 'Knowledge check', 'self-assessment': 'Self-assessment'}, environment.getattr(l_1_entry, 'kind')))
        yield '</p>\n<p class="link-sheet__url">'
        yield str(t_3(context.eval_ctx, t_1(environment.getattr(l_1_entry, 'url')), '/', '/<wbr>'))
        yield '</p>\n<button type="button" class="md-button quiz-js" data-copy="'
        yield str(t_1(environment.getattr(l_1_entry, 'url')))
        yield '">'
        yield str(t_1(environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'copy_link')))
        yield '</button>\n</div>\n</li>'
    l_1_entry = l_1_t = missing
    yield '\n</ol>'

blocks = {}
debug_info = '4=33&6=35&7=38&14=46&16=51&18=58&19=66&21=68&22=70'