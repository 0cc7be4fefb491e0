from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'quiz/self-assessment.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_f = resolve('f')
    l_0_quiz = resolve('quiz')
    l_0_t = resolve('t')
    l_0_low = resolve('low')
    l_0_high = resolve('high')
    l_0_values = resolve('values')
    l_0_scope = resolve('scope')
    l_0_title = resolve('title')
    l_0_bands = resolve('bands')
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
        t_3 = environment.filters['int']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'int' found.")
    try:
        t_4 = environment.filters['last']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'last' found.")
    try:
        t_5 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_6 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_7 = environment.filters['round']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'round' found.")
    try:
        t_8 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    pass
    yield str(environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'statements'))
    yield '\n'
    l_1_loop = missing
    for l_1_item, l_1_loop in LoopContext(environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'items'), undefined):
        _loop_vars = {}
        pass
        yield '\n<fieldset class="quiz-item" id="'
        yield str(environment.getattr(l_1_item, 'id'))
        yield '" data-item="'
        yield str(environment.getattr(l_1_item, 'id'))
        yield '"'
        if environment.getattr(l_1_item, 'reverse'):
            pass
            yield ' data-reverse'
        if environment.getattr(l_1_item, 'subscale'):
            pass
            yield ' data-subscale="'
            yield str(environment.getattr(l_1_item, 'subscale'))
            yield '"'
        yield '>\n<legend><span class="quiz-item__number">'
        yield str(environment.getattr(l_1_loop, 'index'))
        yield '.</span> '
        yield str(environment.getitem((undefined(name='f') if l_0_f is missing else l_0_f), str_join(('item/', environment.getattr(l_1_item, 'id'), ))))
        yield '</legend>\n<div class="quiz-item__answers">\n<div class="quiz-scale quiz-scale--likert" data-search-exclude>\n'
        l_2_loop = missing
        for l_2_p, l_2_loop in LoopContext(environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'scale'), undefined):
            _loop_vars = {}
            pass
            yield '\n<span class="quiz-scale__point"><input type="radio" name="'
            yield str(environment.getattr(l_1_item, 'id'))
            yield '" id="'
            yield str(environment.getattr(l_1_item, 'id'))
            yield '__'
            yield str(environment.getattr(l_2_loop, 'index'))
            yield '" value="'
            yield str(t_1(environment.getattr(l_2_p, 'value')))
            yield '"><label for="'
            yield str(environment.getattr(l_1_item, 'id'))
            yield '__'
            yield str(environment.getattr(l_2_loop, 'index'))
            yield '"><span class="quiz-scale__label">'
            yield str(t_1(environment.getattr(l_2_p, 'label')))
            yield '</span></label></span>\n'
        l_2_loop = l_2_p = missing
        yield '\n</div>\n<p class="quiz-skip" data-search-exclude><span class="quiz-scale__point quiz-scale__point--skip"><input type="radio" name="'
        yield str(environment.getattr(l_1_item, 'id'))
        yield '" id="'
        yield str(environment.getattr(l_1_item, 'id'))
        yield '__skip" value=""><label for="'
        yield str(environment.getattr(l_1_item, 'id'))
        yield '__skip">'
        yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'skip')))
        yield '</label></span></p>\n</div>\n</fieldset>\n'
    l_1_loop = l_1_item = missing
    yield '\n'
    if environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'safety_prompt'):
        pass
        yield '\n<fieldset class="quiz-safety" id="quiz-safety" data-safety>\n<legend>'
        yield str(environment.getitem((undefined(name='f') if l_0_f is missing else l_0_f), 'safety/prompt'))
        yield '</legend>\n<p class="quiz-safety__note">'
        yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'safety_note')))
        yield '</p>\n<div class="quiz-scale" data-search-exclude>\n'
        for (l_1_value, l_1_label) in (('yes', environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'yes')), ('no', environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'no')), ('skip', environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'prefer_not'))):
            _loop_vars = {}
            pass
            yield '\n<span class="quiz-scale__point"><input type="radio" name="quiz-safety" id="quiz-safety__'
            yield str(l_1_value)
            yield '" value="'
            yield str(l_1_value)
            yield '"><label for="quiz-safety__'
            yield str(l_1_value)
            yield '">'
            yield str(t_1(l_1_label))
            yield '</label></span>\n'
        l_1_value = l_1_label = missing
        yield '\n</div>\n<div class="quiz-safety__help" data-safety-help>\n'
        yield str(environment.getitem((undefined(name='f') if l_0_f is missing else l_0_f), 'safety/help'))
        yield '\n</div>\n</fieldset>\n'
    yield '\n'
    if environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'scored'):
        pass
        yield '\n<section class="quiz-results" data-search-exclude>\n'
        yield str(environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'results'))
        yield '\n<p class="quiz-js quiz-actions" data-search-exclude><button type="button" class="md-button md-button--primary" data-action="results">'
        yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'see_results')))
        yield '</button></p>\n<div class="quiz-results__body" data-results-body hidden></div><details class="quiz-paper">\n<summary>'
        yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'paper')))
        yield '</summary>\n'
        l_0_low = t_2(environment, environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'scale'))
        context.vars['low'] = l_0_low
        context.exported_vars.add('low')
        l_0_high = t_4(environment, environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'scale'))
        context.vars['high'] = l_0_high
        context.exported_vars.add('high')
        yield '\n'
        t_9 = []
        pass
        l_2_loop = missing
        for l_2_p, l_2_loop in LoopContext(environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'scale'), undefined):
            _loop_vars = {}
            pass
            t_9.extend((
                str(environment.getattr(l_2_p, 'label')),
                ' = ',
                str(environment.getattr(l_2_p, 'value')),
                str((', ' if (not environment.getattr(l_2_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 40 in 'quiz/self-assessment.html' evaluated to false and no else section was defined."))),
            ))
        l_2_loop = l_2_p = missing
        l_0_values = (Markup if context.eval_ctx.autoescape else identity)(concat(t_9))
        context.vars['values'] = l_0_values
        context.exported_vars.add('values')
        yield '\n<p>'
        yield str(t_1(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'paper_values'), 'format'), values=(undefined(name='values') if l_0_values is missing else l_0_values))))
        yield '\n'
        if t_5(context.eval_ctx, t_8(context, environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'items'), 'reverse')):
            pass
            yield str(t_1(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'paper_reverse'), 'format'), total=(environment.getattr((undefined(name='low') if l_0_low is missing else l_0_low), 'value') + environment.getattr((undefined(name='high') if l_0_high is missing else l_0_high), 'value')))))
        yield '\n'
        yield str(t_1((environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'paper_mean') if (environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'method') == 'mean') else environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'paper_sum'))))
        yield '\n'
        yield str(t_1(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'paper_min'), 'format'), percent=t_3(t_7((environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'min_answered') * 100))))))
        yield '</p>\n<table class="quiz-paper__items">\n<thead><tr><th scope="col">'
        yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'number')))
        yield '</th><th scope="col">'
        yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'statement')))
        yield '</th>'
        if environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'subscales'):
            pass
            yield '<th scope="col">'
            yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'group')))
            yield '</th>'
        yield '</tr></thead>\n<tbody>\n'
        l_1_loop = missing
        for l_1_item, l_1_loop in LoopContext(environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'items'), undefined):
            _loop_vars = {}
            pass
            yield '\n<tr><td>'
            yield str(environment.getattr(l_1_loop, 'index'))
            yield '</td><td>'
            yield str(environment.getitem((undefined(name='f') if l_0_f is missing else l_0_f), str_join(('item/', environment.getattr(l_1_item, 'id'), ))))
            if environment.getattr(l_1_item, 'reverse'):
                pass
                yield ' <strong class="quiz-reversed">('
                yield str(t_1(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'reversed')))
                yield ')</strong>'
            yield '</td>'
            if environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'subscales'):
                pass
                yield '<td>'
                yield str(t_1((t_2(environment, t_6(context, t_8(context, environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'subscales'), 'id', 'equalto', environment.getattr(l_1_item, 'subscale')), attribute='title')) or '')))
                yield '</td>'
            yield '</tr>\n'
        l_1_loop = l_1_item = missing
        yield '\n</tbody>\n</table>\n'
        l_0_scope = 'overall'
        context.vars['scope'] = l_0_scope
        context.exported_vars.add('scope')
        l_0_title = environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'overall')
        context.vars['title'] = l_0_title
        context.exported_vars.add('title')
        l_0_bands = environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'bands')
        context.vars['bands'] = l_0_bands
        context.exported_vars.add('bands')
        yield '\n'
        template = environment.get_template('quiz/bands.html', 'quiz/self-assessment.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'bands': l_0_bands, 'high': l_0_high, 'low': l_0_low, 'scope': l_0_scope, 'title': l_0_title, 'values': l_0_values}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        yield '\n'
        def t_10(fiter):
            for l_1_sub in fiter:
                if environment.getattr(l_1_sub, 'bands'):
                    yield l_1_sub
        for l_1_sub in t_10(environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'subscales')):
            l_1_scope = l_0_scope
            l_1_title = l_0_title
            l_1_bands = l_0_bands
            _loop_vars = {}
            pass
            yield '\n'
            l_1_scope = environment.getattr(l_1_sub, 'id')
            _loop_vars['scope'] = l_1_scope
            l_1_title = environment.getattr(l_1_sub, 'title')
            _loop_vars['title'] = l_1_title
            l_1_bands = environment.getattr(l_1_sub, 'bands')
            _loop_vars['bands'] = l_1_bands
            yield '\n'
            template = environment.get_template('quiz/bands.html', 'quiz/self-assessment.html')
            gen = template.root_render_func(template.new_context(context.get_all(), True, {'bands': l_1_bands, 'scope': l_1_scope, 'sub': l_1_sub, 'title': l_1_title, 'high': l_0_high, 'low': l_0_low, 'values': l_0_values}))
            try:
                for event in gen:
                    yield event
            finally: gen.close()
            yield '\n'
        l_1_sub = l_1_scope = l_1_title = l_1_bands = missing
        def t_11(fiter):
            for l_1_item in fiter:
                if environment.getattr(l_1_item, 'note'):
                    yield l_1_item
        for l_1_item in t_11(environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'items')):
            _loop_vars = {}
            pass
            yield '\n<div class="quiz-note" data-note-for="'
            yield str(environment.getattr(l_1_item, 'id'))
            yield '">\n<p class="quiz-note__item"><strong>'
            yield str(environment.getitem((undefined(name='f') if l_0_f is missing else l_0_f), str_join(('item/', environment.getattr(l_1_item, 'id'), ))))
            yield '</strong></p>\n'
            yield str(environment.getitem((undefined(name='f') if l_0_f is missing else l_0_f), str_join(('note/', environment.getattr(l_1_item, 'id'), ))))
            yield '\n</div>\n'
        l_1_item = missing
        yield '\n</details>\n</section>\n'

blocks = {}
debug_info = '2=68&3=71&4=75&5=88&8=93&9=97&12=113&16=123&18=126&19=128&21=130&22=134&26=144&30=147&32=150&33=152&38=154&39=156&40=166&41=180&42=182&43=186&44=188&46=190&48=201&49=205&53=222&54=232&55=239&56=250&57=257&60=265&61=273&62=275&63=277'