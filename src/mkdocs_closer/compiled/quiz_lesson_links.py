from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'quiz/lesson-links.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_t = resolve('t')
    l_0_links = resolve('links')
    l_0_count = missing
    try:
        t_1 = environment.filters['e']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'e' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_4 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    pass
    def macro(l_1_key, l_1_n):
        t_5 = []
        if l_1_key is missing:
            l_1_key = undefined("parameter 'key' was not provided", name='key')
        if l_1_n is missing:
            l_1_n = undefined("parameter 'n' was not provided", name='n')
        pass
        t_5.append(
            str(t_1(context.call(environment.getattr(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), (str_join((l_1_key, '_one', )) if (l_1_n == 1) else l_1_key)), 'format'), count=l_1_n))),
        )
        return concat(t_5)
    context.exported_vars.add('count')
    context.vars['count'] = l_0_count = Macro(environment, macro, 'count', ('key', 'n'), False, False, False, context.eval_ctx.autoescape)
    yield '<div class="admonition question quiz-links">\n<p class="admonition-title">'
    yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'lesson_quizzes')))
    yield '</p>\n<ul>\n'
    for (l_1_quiz, l_1_url) in (undefined(name='links') if l_0_links is missing else l_0_links):
        l_1_scored = l_1_reflections = missing
        _loop_vars = {}
        pass
        l_1_scored = t_2(t_3(context.eval_ctx, t_4(context, environment.getattr(l_1_quiz, 'questions'), 'scored')))
        _loop_vars['scored'] = l_1_scored
        l_1_reflections = (t_2(environment.getattr(l_1_quiz, 'questions')) - (undefined(name='scored') if l_1_scored is missing else l_1_scored))
        _loop_vars['reflections'] = l_1_reflections
        yield '<li><a href="'
        yield str(t_1(l_1_url))
        yield '">'
        yield str(t_1(environment.getattr(l_1_quiz, 'title')))
        yield '</a> · '
        if (environment.getattr(l_1_quiz, 'type') == 'knowledge-check'):
            pass
            if (undefined(name='scored') if l_1_scored is missing else l_1_scored):
                pass
                yield str(context.call((undefined(name='count') if l_0_count is missing else l_0_count), 'questions_count', (undefined(name='scored') if l_1_scored is missing else l_1_scored), _loop_vars=_loop_vars))
            if ((undefined(name='scored') if l_1_scored is missing else l_1_scored) and (undefined(name='reflections') if l_1_reflections is missing else l_1_reflections)):
                pass
                yield ' · '
            if (undefined(name='reflections') if l_1_reflections is missing else l_1_reflections):
                pass
                yield str(context.call((undefined(name='count') if l_0_count is missing else l_0_count), 'reflections_count', (undefined(name='reflections') if l_1_reflections is missing else l_1_reflections), _loop_vars=_loop_vars))
        else:
            pass
            yield str(t_1(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'statements_count'), 'format'), count=t_2(environment.getattr(l_1_quiz, 'items')), _loop_vars=_loop_vars)))
        yield '</li>\n'
    l_1_quiz = l_1_url = l_1_scored = l_1_reflections = missing
    yield '</ul>\n</div>'

blocks = {}
debug_info = '4=38&6=52&8=54'