from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'quiz/knowledge-check.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_quiz = resolve('quiz')
    l_0_t = resolve('t')
    try:
        t_1 = environment.filters['e']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'e' found.")
    try:
        t_2 = environment.filters['first']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'first' found.")
    try:
        t_3 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_4 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_5 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    pass
    if t_4(context.eval_ctx, t_5(context, environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'questions'), 'scored')):
        pass
        yield '\n<p class="quiz-js quiz-summary" data-summary data-search-exclude></p>\n'
    yield '\n'
    for l_1_q in environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'questions'):
        l_1_f = resolve('f')
        _loop_vars = {}
        pass
        yield '\n'
        if environment.getattr(l_1_q, 'scored'):
            pass
            yield '\n<fieldset class="quiz-question" data-question="'
            yield str(environment.getattr(l_1_q, 'id'))
            yield '" data-kind="'
            yield str(environment.getattr(l_1_q, 'type'))
            yield '">\n<legend>'
            yield str(environment.getitem((undefined(name='f') if l_1_f is missing else l_1_f), str_join(('prompt/', environment.getattr(l_1_q, 'id'), ))))
            yield '</legend>\n<div class="quiz-choices">\n'
            for l_2_c in environment.getattr(l_1_q, 'choices'):
                _loop_vars = {}
                pass
                yield '\n<div class="quiz-choice" data-choice="'
                yield str(environment.getattr(l_2_c, 'id'))
                yield '" data-search-exclude><input type="'
                yield str(('checkbox' if (environment.getattr(l_1_q, 'type') == 'multiple') else 'radio'))
                yield '" name="'
                yield str(environment.getattr(l_1_q, 'id'))
                yield '" id="'
                yield str(environment.getattr(l_1_q, 'id'))
                yield '__'
                yield str(environment.getattr(l_2_c, 'id'))
                yield '" value="'
                yield str(environment.getattr(l_2_c, 'id'))
                yield '"'
                if environment.getattr(l_2_c, 'correct'):
                    pass
                    yield ' data-correct'
                yield '><label for="'
                yield str(environment.getattr(l_1_q, 'id'))
                yield '__'
                yield str(environment.getattr(l_2_c, 'id'))
                yield '">'
                yield str(environment.getitem((undefined(name='f') if l_1_f is missing else l_1_f), str_join(('choice/', environment.getattr(l_1_q, 'id'), '/', environment.getattr(l_2_c, 'id'), ))))
                yield '</label></div>\n'
            l_2_c = missing
            yield '\n</div>\n<p class="quiz-js quiz-actions" data-search-exclude><button type="button" class="md-button md-button--primary" data-action="check">'
            yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'check')))
            yield '</button> <button type="button" class="md-button" data-action="retry" hidden>'
            yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'retry')))
            yield '</button></p>\n<div class="quiz-feedback" role="status" aria-live="polite" data-search-exclude></div>\n<details class="quiz-answer" data-search-exclude>\n<summary>'
            yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'show_answer')))
            yield '</summary>\n'
            if (t_3(environment.getattr(l_1_q, 'correct_choices')) > 1):
                pass
                yield '<div class="quiz-answer__key"><p><strong>'
                yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'answers_are')))
                yield '</strong></p>\n<ul>\n'
                for l_2_c in environment.getattr(l_1_q, 'correct_choices'):
                    _loop_vars = {}
                    pass
                    yield '<li>'
                    yield str(environment.getitem((undefined(name='f') if l_1_f is missing else l_1_f), str_join(('choice/', environment.getattr(l_1_q, 'id'), '/', environment.getattr(l_2_c, 'id'), ))))
                    yield '</li>\n'
                l_2_c = missing
                yield '</ul>\n</div>\n'
            else:
                pass
                yield '<p class="quiz-answer__key"><strong>'
                yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'answer_is')))
                yield '</strong> '
                yield str(environment.getitem((undefined(name='f') if l_1_f is missing else l_1_f), str_join(('choice/', environment.getattr(l_1_q, 'id'), '/', environment.getattr(t_2(environment, environment.getattr(l_1_q, 'correct_choices')), 'id'), ))))
                yield '</p>\n'
            yield '<div class="quiz-explanation">\n'
            yield str(environment.getitem((undefined(name='f') if l_1_f is missing else l_1_f), str_join(('explanation/', environment.getattr(l_1_q, 'id'), ))))
            yield '\n</div>\n'
            if t_4(context.eval_ctx, t_5(context, environment.getattr(l_1_q, 'choices'), 'feedback')):
                pass
                yield '\n<div class="quiz-choice-feedback">\n<p><strong>'
                yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'about_choices')))
                yield '</strong></p>\n'
                def t_6(fiter):
                    for l_2_c in fiter:
                        if environment.getattr(l_2_c, 'feedback'):
                            yield l_2_c
                for l_2_c in t_6(environment.getattr(l_1_q, 'choices')):
                    _loop_vars = {}
                    pass
                    yield '\n<div class="quiz-choice-feedback__item" data-feedback-for="'
                    yield str(environment.getattr(l_2_c, 'id'))
                    yield '">\n<p class="quiz-choice-feedback__choice">'
                    yield str(environment.getitem((undefined(name='f') if l_1_f is missing else l_1_f), str_join(('choice/', environment.getattr(l_1_q, 'id'), '/', environment.getattr(l_2_c, 'id'), ))))
                    yield '</p>\n'
                    yield str(environment.getitem((undefined(name='f') if l_1_f is missing else l_1_f), str_join(('feedback/', environment.getattr(l_1_q, 'id'), '/', environment.getattr(l_2_c, 'id'), ))))
                    yield '\n</div>\n'
                l_2_c = missing
                yield '\n</div>\n'
            yield '\n</details>\n</fieldset>\n'
        else:
            pass
            yield '\n<div class="quiz-reflection" data-question="'
            yield str(environment.getattr(l_1_q, 'id'))
            yield '" data-kind="reflection">\n'
            yield str(environment.getitem((undefined(name='f') if l_1_f is missing else l_1_f), str_join(('prompt/', environment.getattr(l_1_q, 'id'), ))))
            yield '\n'
            if environment.getattr(l_1_q, 'hint'):
                pass
                yield '\n<p class="quiz-hint" id="'
                yield str(environment.getattr(l_1_q, 'id'))
                yield '__hint">'
                yield str(environment.getitem((undefined(name='f') if l_1_f is missing else l_1_f), str_join(('hint/', environment.getattr(l_1_q, 'id'), ))))
                yield '</p>\n'
            yield '\n<textarea class="quiz-reflection__text" id="'
            yield str(environment.getattr(l_1_q, 'id'))
            yield '__text" name="'
            yield str(environment.getattr(l_1_q, 'id'))
            yield '" rows="4"'
            if environment.getattr(l_1_q, 'hint'):
                pass
                yield ' aria-describedby="'
                yield str(environment.getattr(l_1_q, 'id'))
                yield '__hint"'
            yield '></textarea>\n</div>\n'
        yield '\n'
    l_1_q = l_1_f = missing
    yield '\n'
    if t_4(context.eval_ctx, t_5(context, environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'questions'), 'scored')):
        pass
        yield '\n<section class="quiz-js quiz-end" data-end hidden data-search-exclude aria-labelledby="quiz-end-title">\n<h2 id="quiz-end-title" class="quiz-end__title">'
        yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'end_title')))
        yield '</h2>\n<p class="quiz-end__score" data-end-score></p>\n<p class="quiz-end__actions"><a class="md-button md-button--primary" href="" data-next-lesson>'
        yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'next_lesson')))
        yield ' <span class="quiz-end__lesson"></span></a></p>\n</section>\n'

blocks = {}
debug_info = '3=43&6=47&7=52&8=55&9=59&11=61&12=65&15=89&18=93&19=95&20=98&22=100&23=104&28=111&31=116&33=118&35=121&36=123&37=131&38=133&39=135&47=143&48=145&49=147&50=150&52=155&56=168&58=171&60=173'