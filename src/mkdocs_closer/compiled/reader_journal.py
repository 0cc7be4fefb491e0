from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'reader/journal.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_t = resolve('t')
    l_0_groups = resolve('groups')
    l_0_total = missing
    try:
        t_1 = environment.filters['author_markdown']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'author_markdown' found.")
    try:
        t_2 = environment.filters['e']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'e' found.")
    try:
        t_3 = environment.filters['plain_markdown']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'plain_markdown' found.")
    try:
        t_4 = environment.filters['sum']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'sum' found.")
    pass
    yield '# '
    yield str(t_2(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'journal_title')))
    yield '\n\n'
    yield str(t_2(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'journal_intro')))
    yield '\n\n<noscript><p>'
    yield str(t_2(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'journal_nojs')))
    yield '</p></noscript>\n'
    l_0_total = t_4(environment, (undefined(name='groups') if l_0_groups is missing else l_0_groups), attribute='count')
    context.vars['total'] = l_0_total
    context.exported_vars.add('total')
    yield '<div class="closer-js closer-journal-bar">\n<p class="closer-journal-bar__count" data-written>'
    yield str(t_2(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'journal_count'), 'format'), written=0, total=(undefined(name='total') if l_0_total is missing else l_0_total))))
    yield '</p>\n<p class="closer-buttons"><button type="button" class="md-button md-button--primary" data-download>'
    yield str(t_2(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'download_journal')))
    yield '</button> <button type="button" class="md-button" data-print>'
    yield str(t_2(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'print_journal')))
    yield '</button></p>\n</div>\n\n'
    l_1_loop = missing
    for l_1_group, l_1_loop in LoopContext((undefined(name='groups') if l_0_groups is missing else l_0_groups), undefined):
        _loop_vars = {}
        pass
        yield '\n<details class="closer-group" open data-group markdown="block">\n<summary><h2 class="closer-group__title"><span data-group-title>'
        yield str(t_3(environment.getattr(l_1_group, 'title')))
        yield '</span></h2> <span class="closer-js closer-group__count" data-group-count>'
        yield str(t_2(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'journal_count'), 'format'), written=0, total=environment.getattr(l_1_group, 'count'), _loop_vars=_loop_vars)))
        yield '</span></summary>\n'
        l_2_loop = missing
        for (l_2_quiz, l_2_q), l_2_loop in LoopContext(environment.getattr(l_1_group, 'entries'), undefined):
            l_2_link = resolve('link')
            _loop_vars = {}
            pass
            yield '\n'
            if context.call(environment.getattr(l_2_loop, 'changed'), environment.getattr(l_2_quiz, 'id'), _loop_vars=_loop_vars):
                pass
                yield '\n<h3 class="closer-group__quiz">'
                yield str(t_3(environment.getattr(l_2_quiz, 'title')))
                yield '</h3>\n'
            yield '\n\n<div class="closer-entry" data-quiz="'
            yield str(environment.getattr(l_2_quiz, 'id'))
            yield '" data-question="'
            yield str(environment.getattr(l_2_q, 'id'))
            yield '" markdown="block">\n<p class="closer-entry__prompt" id="journal-'
            yield str(environment.getattr(l_2_quiz, 'id'))
            yield '-'
            yield str(environment.getattr(l_2_q, 'id'))
            yield '" markdown="span">'
            yield str(t_1(environment.getattr(l_2_q, 'prompt')))
            yield '</p>\n<textarea class="closer-entry__answer" rows="5" aria-labelledby="journal-'
            yield str(environment.getattr(l_2_quiz, 'id'))
            yield '-'
            yield str(environment.getattr(l_2_q, 'id'))
            yield '" data-journal></textarea>\n<p class="closer-entry__from" markdown="span">['
            yield str(t_3(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'journal_from'), 'format'), title=environment.getattr(l_2_quiz, 'title'), _loop_vars=_loop_vars)))
            yield ']('
            yield str(context.call((undefined(name='link') if l_2_link is missing else l_2_link), environment.getattr(l_2_quiz, 'src_uri'), _loop_vars=_loop_vars))
            yield '#'
            yield str(environment.getattr(l_2_q, 'id'))
            yield ')</p>\n</div>\n'
        l_2_loop = l_2_quiz = l_2_q = l_2_link = missing
        yield '\n</details>\n'
    l_1_loop = l_1_group = missing

blocks = {}
debug_info = '4=39&6=41&8=43&9=45&11=49&12=51&15=56&17=60&18=65&19=70&20=73&23=76&24=80&25=86&26=90'