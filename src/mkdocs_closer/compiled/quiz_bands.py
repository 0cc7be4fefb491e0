from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'quiz/bands.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_bands = resolve('bands')
    l_0_scope = resolve('scope')
    l_0_title = resolve('title')
    try:
        t_1 = environment.filters['e']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'e' found.")
    try:
        t_2 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_3 = environment.filters['reject']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'reject' found.")
    pass
    if (undefined(name='bands') if l_0_bands is missing else l_0_bands):
        pass
        yield '\n<div class="quiz-bands" data-scope="'
        yield str((undefined(name='scope') if l_0_scope is missing else l_0_scope))
        yield '">\n<p class="quiz-bands__title"><strong>'
        yield str(t_1((undefined(name='title') if l_0_title is missing else l_0_title)))
        yield '</strong></p>\n'
        l_1_loop = missing
        for l_1_band, l_1_loop in LoopContext((undefined(name='bands') if l_0_bands is missing else l_0_bands), undefined):
            l_1_f = resolve('f')
            l_1_quiz = resolve('quiz')
            l_1_t = resolve('t')
            _loop_vars = {}
            pass
            yield '\n<div class="quiz-band" data-min="'
            yield str(environment.getattr(l_1_band, 'low'))
            yield '" data-max="'
            yield str(environment.getattr(l_1_band, 'high'))
            yield '" data-title="'
            yield str(t_1(environment.getattr(l_1_band, 'title')))
            yield '">\n<p class="quiz-band__title"><strong>'
            yield str(environment.getattr(l_1_band, 'low'))
            yield '–'
            yield str(environment.getattr(l_1_band, 'high'))
            yield ': '
            yield str(t_1(environment.getattr(l_1_band, 'title')))
            yield '</strong></p>\n'
            yield str(environment.getitem((undefined(name='f') if l_1_f is missing else l_1_f), str_join(('band/', (undefined(name='scope') if l_0_scope is missing else l_0_scope), '/', environment.getattr(l_1_loop, 'index0'), ))))
            yield '\n'
            if t_2(context.eval_ctx, t_3(context, environment.getattr(l_1_band, 'read_next'), 'equalto', environment.getattr((undefined(name='quiz') if l_1_quiz is missing else l_1_quiz), 'lesson'))):
                pass
                yield '\n<p class="quiz-band__next">'
                yield str(t_1(environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'read_next')))
                yield ' '
                yield str(environment.getitem((undefined(name='f') if l_1_f is missing else l_1_f), str_join(('next/', (undefined(name='scope') if l_0_scope is missing else l_0_scope), '/', environment.getattr(l_1_loop, 'index0'), ))))
                yield '</p>\n'
            yield '\n</div>\n'
        l_1_loop = l_1_band = l_1_f = l_1_quiz = l_1_t = missing
        yield '\n</div>\n'

blocks = {}
debug_info = '2=32&3=35&4=37&5=40&6=47&7=53&8=59&9=61&10=64'