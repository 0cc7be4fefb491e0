from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'facilitators/qr.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_entry = resolve('entry')
    try:
        t_1 = environment.filters['e']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'e' found.")
    pass
    yield '<svg class="link-sheet__qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 '
    yield str(environment.getattr(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'qr'), 'size'))
    yield ' '
    yield str(environment.getattr(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'qr'), 'size'))
    yield '" role="img" aria-label="QR code for '
    yield str(t_1(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'url')))
    yield '" shape-rendering="crispEdges"><rect width="'
    yield str(environment.getattr(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'qr'), 'size'))
    yield '" height="'
    yield str(environment.getattr(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'qr'), 'size'))
    yield '" fill="#fff"/><path fill="#000" d="'
    yield str(environment.getattr(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'qr'), 'path'))
    yield '"/></svg>'

blocks = {}
debug_info = '3=19'