from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'reader/progress.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_t = resolve('t')
    l_0_steps = resolve('steps')
    l_0_href = resolve('href')
    l_0_groups = resolve('groups')
    l_0_first = missing
    try:
        t_1 = environment.filters['e']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'e' found.")
    try:
        t_2 = environment.filters['html_text']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'html_text' found.")
    try:
        t_3 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    yield '# '
    yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'progress_title')))
    yield '\n\n'
    yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'progress_intro')))
    yield '\n\n<noscript><p>'
    yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'progress_nojs')))
    yield '</p></noscript>\n\n'
    l_0_first = (environment.getitem((undefined(name='steps') if l_0_steps is missing else l_0_steps), 0) if (undefined(name='steps') if l_0_steps is missing else l_0_steps) else None)
    context.vars['first'] = l_0_first
    context.exported_vars.add('first')
    yield '<div class="closer-js closer-overview">\n<p class="closer-overview__count" id="closer-count" data-count>'
    yield str(t_1(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'progress_count'), 'format'), done=0, total=t_3((undefined(name='steps') if l_0_steps is missing else l_0_steps)))))
    yield '</p>\n<progress class="closer-overview__bar" max="'
    yield str(t_3((undefined(name='steps') if l_0_steps is missing else l_0_steps)))
    yield '" value="0" aria-labelledby="closer-count" data-overall></progress>\n'
    if (undefined(name='first') if l_0_first is missing else l_0_first):
        pass
        yield '<p class="closer-overview__next"><a class="md-button md-button--primary" href="'
        yield str(t_1(context.call((undefined(name='href') if l_0_href is missing else l_0_href), environment.getattr((undefined(name='first') if l_0_first is missing else l_0_first), 'src_uri'))))
        yield '" aria-describedby="closer-next" data-continue>'
        yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'continue')))
        yield '</a> <span id="closer-next" data-next>'
        yield str(t_2(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'next_step'), 'format'), title=environment.getattr((undefined(name='first') if l_0_first is missing else l_0_first), 'title'))))
        yield '</span></p>'
    yield '\n</div>\n<!-- closer:html -->\n<ol class="closer-cards" data-progress data-search-exclude>'
    for l_1_group in (undefined(name='groups') if l_0_groups is missing else l_0_groups):
        _loop_vars = {}
        pass
        yield '\n<li class="closer-card">'
        if environment.getattr(l_1_group, 'lesson'):
            pass
            yield '\n<div class="closer-step closer-step--lesson" data-kind="lesson" data-page="'
            yield str(t_1(environment.getattr(environment.getattr(l_1_group, 'lesson'), 'src_uri')))
            yield '">\n<h2 class="closer-card__title"><a href="'
            yield str(t_1(context.call((undefined(name='href') if l_0_href is missing else l_0_href), environment.getattr(environment.getattr(l_1_group, 'lesson'), 'src_uri'), _loop_vars=_loop_vars)))
            yield '">'
            yield str(t_2(environment.getattr(environment.getattr(l_1_group, 'lesson'), 'title')))
            yield '</a></h2>\n<span class="closer-step__state" data-step-state></span>\n</div>'
        if environment.getattr(l_1_group, 'quizzes'):
            pass
            yield '\n<ul class="closer-card__quizzes">'
            for l_2_step in environment.getattr(l_1_group, 'quizzes'):
                _loop_vars = {}
                pass
                yield '\n<li class="closer-step" data-kind="'
                yield str(environment.getattr(l_2_step, 'kind'))
                yield '" data-page="'
                yield str(t_1(environment.getattr(l_2_step, 'src_uri')))
                yield '" data-quiz="'
                yield str(environment.getattr(environment.getattr(l_2_step, 'quiz'), 'id'))
                yield '"><a href="'
                yield str(t_1(context.call((undefined(name='href') if l_0_href is missing else l_0_href), environment.getattr(l_2_step, 'src_uri'), _loop_vars=_loop_vars)))
                yield '">'
                yield str(t_2(environment.getattr(l_2_step, 'title')))
                yield '</a> <span class="closer-step__state" data-step-state></span></li>'
            l_2_step = missing
            yield '\n</ul>'
        yield '\n</li>'
    l_1_group = missing
    yield '\n</ol>\n<!-- /closer:html -->\n\n## '
    yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'transfer_title')))
    yield ' { #move-your-answers }\n\n'
    yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'transfer_intro')))
    yield '\n\n<div class="closer-js closer-transfer">\n<p><button type="button" class="md-button" data-export>'
    yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'export')))
    yield '</button></p>\n<fieldset>\n<legend>'
    yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'import')))
    yield '</legend>\n<p><label><input type="radio" name="closer-import-mode" value="merge" checked> '
    yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'import_merge')))
    yield '</label><br>\n<label><input type="radio" name="closer-import-mode" value="replace"> '
    yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'import_replace')))
    yield '</label></p>\n<p><input type="file" id="closer-import-file" class="closer-sr closer-file" accept="application/json,.json" data-import><label class="md-button" for="closer-import-file">'
    yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'import_choose')))
    yield '</label></p>\n</fieldset>\n</div>\n\n## '
    yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'clear_everything')))
    yield ' { #clear-everything }\n\n'
    yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'clear_everything_intro')))
    yield '\n\n<p class="closer-js"><button type="button" class="md-button closer-danger" data-clear-everything>'
    yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'clear_everything')))
    yield '</button></p>\n\n<p class="closer-status" role="status" data-status></p>'

blocks = {}
debug_info = '4=35&6=37&8=39&10=41&12=45&13=47&14=49&21=59&23=63&24=66&25=68&29=72&31=75&32=79&41=94&43=96&46=98&48=100&49=102&50=104&51=106&55=108&57=110&59=112'