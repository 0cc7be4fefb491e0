from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'quiz/page.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_title = resolve('title')
    l_0_t = resolve('t')
    l_0_f = resolve('f')
    l_0_quiz = resolve('quiz')
    l_0_strings_json = resolve('strings_json')
    l_0_how = missing
    try:
        t_1 = environment.filters['e']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'e' found.")
    pass
    yield str((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '\n<p class="quiz-back">'
    yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'back_to_lesson')))
    yield ' '
    yield str(environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'back'))
    yield '</p>\n'
    if environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'intro'):
        pass
        yield '\n<div class="quiz-intro">\n'
        yield str(environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'intro'))
        yield '\n</div>\n'
    yield '\n<form class="quiz quiz--'
    yield str(environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'type'))
    yield '" id="quiz-form" data-quiz="'
    yield str(environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'id'))
    yield '" data-strings="'
    yield str(t_1((undefined(name='strings_json') if l_0_strings_json is missing else l_0_strings_json)))
    yield '"'
    if (environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'type') == 'self-assessment'):
        pass
        yield ' data-method="'
        yield str(environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'method'))
        yield '" data-min-answered="'
        yield str(environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'min_answered'))
        yield '"'
    yield ' autocomplete="off">'
    l_0_how = ('how_check' if (environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'type') == 'knowledge-check') else ('how_assess' if environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'scored') else ''))
    context.vars['how'] = l_0_how
    context.exported_vars.add('how')
    yield '\n'
    if (undefined(name='how') if l_0_how is missing else l_0_how):
        pass
        yield '\n<p class="quiz-how" data-search-exclude><span class="quiz-js">'
        yield str(t_1(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), (undefined(name='how') if l_0_how is missing else l_0_how))))
        yield '</span><span class="quiz-nojs">'
        yield str(t_1(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), str_join(((undefined(name='how') if l_0_how is missing else l_0_how), '_nojs', )))))
        yield '</span></p>\n'
    else:
        pass
        yield '\n<p class="quiz-how" data-search-exclude>'
        yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'how_unscored')))
        yield '</p>\n'
    yield '\n<p class="quiz-privacy" data-search-exclude><span class="quiz-privacy__text"><span class="quiz-js">'
    yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'privacy')))
    yield '</span><span class="quiz-nojs">'
    yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'privacy_nojs')))
    yield '</span></span> <button type="button" class="quiz-js quiz-clear" data-action="clear">'
    yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'clear_answers')))
    yield '</button></p>\n'
    if (environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'type') == 'knowledge-check'):
        pass
        yield '\n'
        template = environment.get_template('quiz/knowledge-check.html', 'quiz/page.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'how': l_0_how}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        yield '\n'
    else:
        pass
        yield '\n'
        template = environment.get_template('quiz/self-assessment.html', 'quiz/page.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'how': l_0_how}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        yield '\n'
    yield '\n<p class="quiz-js quiz-takeaway closer-buttons" data-search-exclude><button type="button" class="md-button" data-action="copy">'
    yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'copy_summary')))
    yield '</button> <button type="button" class="md-button" data-action="print">'
    yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'print_results')))
    yield '</button> <button type="button" class="md-button" data-action="download">'
    yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'download')))
    yield '</button></p>\n<div class="quiz-status closer-sr" role="status" aria-live="polite" data-search-exclude></div>\n</form>\n'
    if environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'outro'):
        pass
        yield '\n<div class="quiz-outro">\n'
        yield str(environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'outro'))
        yield '\n</div>\n'
    if environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'footnotes'):
        pass
        yield '\n'
        yield str(environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'footnotes'))
        yield '\n'

blocks = {}
debug_info = '5=23&6=25&7=29&9=32&12=35&16=49&17=53&18=56&20=63&22=66&23=72&24=75&26=85&28=93&32=99&34=102&37=104&38=107'