from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'quiz/search.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_title = resolve('title')
    l_0_f = resolve('f')
    l_0_quiz = resolve('quiz')
    pass
    yield str((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '\n'
    yield str(environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'intro'))
    yield '\n'
    for l_1_q in environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'questions'):
        _loop_vars = {}
        pass
        yield '\n'
        yield str(environment.getitem((undefined(name='f') if l_0_f is missing else l_0_f), str_join(('prompt/', environment.getattr(l_1_q, 'id'), ))))
        yield '\n'
        if environment.getitem((undefined(name='f') if l_0_f is missing else l_0_f), str_join(('hint/', environment.getattr(l_1_q, 'id'), ))):
            pass
            yield '<p>'
            yield str(environment.getitem((undefined(name='f') if l_0_f is missing else l_0_f), str_join(('hint/', environment.getattr(l_1_q, 'id'), ))))
            yield '</p>'
        yield '\n'
    l_1_q = missing
    yield '\n'
    if environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'items'):
        pass
        yield '\n'
        yield str(environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'statements'))
        yield '\n'
        for l_1_item in environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'items'):
            _loop_vars = {}
            pass
            yield '<p>'
            yield str(environment.getitem((undefined(name='f') if l_0_f is missing else l_0_f), str_join(('item/', environment.getattr(l_1_item, 'id'), ))))
            yield '</p>\n'
        l_1_item = missing
        yield '\n'
    yield '\n'
    if environment.getattr((undefined(name='quiz') if l_0_quiz is missing else l_0_quiz), 'safety_prompt'):
        pass
        yield '<p>'
        yield str(environment.getitem((undefined(name='f') if l_0_f is missing else l_0_f), 'safety/prompt'))
        yield '</p>\n'
        yield str(environment.getitem((undefined(name='f') if l_0_f is missing else l_0_f), 'safety/help'))
        yield '\n'
    yield '\n'
    yield str(environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'outro'))

blocks = {}
debug_info = '3=14&4=16&5=18&6=22&7=24&9=32&10=35&11=37&14=46&15=51&17=54'