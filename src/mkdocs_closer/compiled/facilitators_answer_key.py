from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'facilitators/answer-key.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_t = resolve('t')
    l_0_quizzes = resolve('quizzes')
    try:
        t_1 = environment.filters['first']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'first' found.")
    try:
        t_2 = environment.filters['inline_markdown']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'inline_markdown' found.")
    try:
        t_3 = environment.filters['last']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'last' found.")
    try:
        t_4 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_5 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_6 = environment.filters['page_link']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'page_link' found.")
    try:
        t_7 = environment.filters['plain_markdown']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'plain_markdown' found.")
    try:
        t_8 = environment.filters['rejectattr']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'rejectattr' found.")
    try:
        t_9 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    try:
        t_10 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_10(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '# '
    yield str(t_7(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'answer_key_title')))
    yield '\n\nFor facilitators: the right answers and explanations of every knowledge check, and how every self-assessment is\nscored. Site search leaves this page out, so participants do not find answers before they think.\n\n'
    def t_11(fiter):
        for l_1_quiz in fiter:
            if (environment.getattr(l_1_quiz, 'type') == 'knowledge-check'):
                yield l_1_quiz
    l_1_loop = missing
    for l_1_quiz, l_1_loop in LoopContext(t_11((undefined(name='quizzes') if l_0_quizzes is missing else l_0_quizzes)), undefined):
        l_1_reflections = missing
        _loop_vars = {}
        pass
        yield '\n## '
        yield str(t_7(environment.getattr(l_1_quiz, 'title')))
        yield '\n\n[Open the knowledge check]('
        yield str(t_6(environment.getattr(l_1_quiz, 'src_uri')))
        yield ')\n\n'
        def t_12(fiter):
            for l_2_q in fiter:
                if environment.getattr(l_2_q, 'scored'):
                    yield l_2_q
        l_2_loop = missing
        for l_2_q, l_2_loop in LoopContext(t_12(environment.getattr(l_1_quiz, 'questions')), undefined):
            l_2_c = resolve('c')
            _loop_vars = {}
            pass
            yield '\n### '
            yield str(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'question'))
            yield ' '
            yield str(environment.getattr(l_2_loop, 'index'))
            yield '. '
            yield str(t_2(environment.getattr(l_2_q, 'prompt')))
            yield '\n\n'
            if (t_4(environment.getattr(l_2_q, 'correct_choices')) > 1):
                pass
                yield '\n**'
                yield str(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'answers_are'))
                yield '**\n\n'
                for l_3_c in environment.getattr(l_2_q, 'correct_choices'):
                    _loop_vars = {}
                    pass
                    yield '- '
                    yield str(t_2(environment.getattr(l_3_c, 'text')))
                    yield '\n'
                l_3_c = missing
                yield '\n'
            else:
                pass
                yield '\n'
                l_2_c = t_1(environment, environment.getattr(l_2_q, 'correct_choices'))
                _loop_vars['c'] = l_2_c
                yield '\n**'
                yield str(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'answer_is'))
                yield '** '
                yield str((t_2(environment.getattr((undefined(name='c') if l_2_c is missing else l_2_c), 'text')) if environment.getattr((undefined(name='c') if l_2_c is missing else l_2_c), 'text') else environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), environment.getattr((undefined(name='c') if l_2_c is missing else l_2_c), 'id'))))
                yield '\n'
            yield '\n\n'
            yield str(environment.getattr(l_2_q, 'explanation'))
            yield '\n\n'
        l_2_loop = l_2_q = l_2_c = missing
        yield '\n'
        l_1_reflections = t_5(context.eval_ctx, t_8(context, environment.getattr(l_1_quiz, 'questions'), 'scored'))
        _loop_vars['reflections'] = l_1_reflections
        yield '\n'
        if (undefined(name='reflections') if l_1_reflections is missing else l_1_reflections):
            pass
            yield '\nReflections, with no right answer:\n\n'
            l_2_loop = missing
            for l_2_q, l_2_loop in LoopContext((undefined(name='reflections') if l_1_reflections is missing else l_1_reflections), undefined):
                _loop_vars = {}
                pass
                yield str(environment.getattr(l_2_loop, 'index'))
                yield '. '
                yield str(t_2(environment.getattr(l_2_q, 'prompt')))
                yield '\n'
            l_2_loop = l_2_q = missing
            yield '\n'
        yield '\n'
    l_1_loop = l_1_quiz = l_1_reflections = missing
    yield '\n'
    def t_13(fiter):
        for l_1_quiz in fiter:
            if (environment.getattr(l_1_quiz, 'type') == 'self-assessment'):
                yield l_1_quiz
    l_1_loop = missing
    for l_1_quiz, l_1_loop in LoopContext(t_13((undefined(name='quizzes') if l_0_quizzes is missing else l_0_quizzes)), undefined):
        l_1_values = missing
        _loop_vars = {}
        pass
        yield '\n## '
        yield str(t_7(environment.getattr(l_1_quiz, 'title')))
        yield '\n\n[Open the self-assessment]('
        yield str(t_6(environment.getattr(l_1_quiz, 'src_uri')))
        yield ')\n\n'
        t_14 = []
        pass
        l_3_loop = missing
        for l_3_p, l_3_loop in LoopContext(environment.getattr(l_1_quiz, 'scale'), undefined):
            _loop_vars = {}
            pass
            t_14.extend((
                str(environment.getattr(l_3_p, 'label')),
                ' = ',
                str(environment.getattr(l_3_p, 'value')),
                str((', ' if (not environment.getattr(l_3_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 42 in 'facilitators/answer-key.html' evaluated to false and no else section was defined."))),
            ))
        l_3_loop = l_3_p = missing
        l_1_values = (Markup if context.eval_ctx.autoescape else identity)(concat(t_14))
        _loop_vars['values'] = l_1_values
        yield '\n'
        yield str(t_7(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'paper_values'), 'format'), values=(undefined(name='values') if l_1_values is missing else l_1_values), _loop_vars=_loop_vars)))
        yield '\n'
        if environment.getattr(l_1_quiz, 'scored'):
            pass
            yield '\n'
            yield str(t_7((environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'paper_mean') if (environment.getattr(l_1_quiz, 'method') == 'mean') else environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'paper_sum'))))
            yield '\n\n'
            if t_5(context.eval_ctx, t_9(context, environment.getattr(l_1_quiz, 'items'), 'reverse')):
                pass
                yield '\nReversed statements, scored the other way round ('
                yield str((environment.getattr(t_1(environment, environment.getattr(l_1_quiz, 'scale')), 'value') + environment.getattr(t_3(environment, environment.getattr(l_1_quiz, 'scale')), 'value')))
                yield ' minus the number chosen):\n\n'
                l_2_loop = missing
                for l_2_item, l_2_loop in LoopContext(environment.getattr(l_1_quiz, 'items'), undefined):
                    _loop_vars = {}
                    pass
                    if environment.getattr(l_2_item, 'reverse'):
                        pass
                        yield '- '
                        yield str(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'statement'))
                        yield ' '
                        yield str(environment.getattr(l_2_loop, 'index'))
                        yield ': '
                        yield str(environment.getattr(l_2_item, 'text'))
                        yield '\n'
                l_2_loop = l_2_item = missing
                yield '\n'
            else:
                pass
                yield '\nNo statement is reversed.\n'
            yield '\n'
        yield '\n\n'
        for l_2_sub in ([None] + t_5(context.eval_ctx, environment.getattr(l_1_quiz, 'subscales'))):
            l_2_bands = missing
            _loop_vars = {}
            pass
            yield '\n'
            l_2_bands = (environment.getattr(l_1_quiz, 'bands') if t_10(l_2_sub) else environment.getattr(l_2_sub, 'bands'))
            _loop_vars['bands'] = l_2_bands
            yield '\n'
            if (undefined(name='bands') if l_2_bands is missing else l_2_bands):
                pass
                yield '\n### '
                yield str(t_7((environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'overall') if t_10(l_2_sub) else environment.getattr(l_2_sub, 'title'))))
                yield '\n\n'
                for l_3_band in (undefined(name='bands') if l_2_bands is missing else l_2_bands):
                    _loop_vars = {}
                    pass
                    yield '\n**'
                    yield str(environment.getattr(l_3_band, 'low'))
                    yield '–'
                    yield str(environment.getattr(l_3_band, 'high'))
                    yield ': '
                    yield str(t_7(environment.getattr(l_3_band, 'title')))
                    yield '**\n\n'
                    yield str(environment.getattr(l_3_band, 'text'))
                    yield '\n\n'
                l_3_band = missing
                yield '\n'
            yield '\n'
        l_2_sub = l_2_bands = missing
        yield '\n'
    l_1_loop = l_1_quiz = l_1_values = missing

blocks = {}
debug_info = '3=74&8=76&9=86&11=88&13=90&14=100&16=106&17=109&19=111&22=122&23=125&26=130&29=134&30=137&33=141&37=153&38=163&40=165&42=170&43=183&44=185&45=188&47=190&48=193&50=196&57=215&58=220&59=223&60=226&62=228&63=232&65=238'