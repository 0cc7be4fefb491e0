from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/quick-exit.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_closer_exit = resolve('closer_exit')
    l_0_closer_strings = resolve('closer_strings')
    try:
        t_1 = environment.filters['e']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'e' found.")
    pass
    if (undefined(name='closer_exit') if l_0_closer_exit is missing else l_0_closer_exit):
        pass
        yield '\n  <a href="'
        yield str(t_1((undefined(name='closer_exit') if l_0_closer_exit is missing else l_0_closer_exit)))
        yield '" class="closer-exit" data-closer-exit rel="noreferrer"\n     title="'
        yield str(t_1(environment.getattr((undefined(name='closer_strings') if l_0_closer_strings is missing else l_0_closer_strings), 'exit_title')))
        yield '">\n    <span class="closer-exit__short" aria-hidden="true">'
        yield str(t_1(environment.getattr((undefined(name='closer_strings') if l_0_closer_strings is missing else l_0_closer_strings), 'exit_short')))
        yield '</span>\n    <span class="closer-exit__label">'
        yield str(t_1(environment.getattr((undefined(name='closer_strings') if l_0_closer_strings is missing else l_0_closer_strings), 'exit_label')))
        yield '</span>\n  </a>\n'

blocks = {}
debug_info = '3=19&4=22&5=24&6=26&7=28'