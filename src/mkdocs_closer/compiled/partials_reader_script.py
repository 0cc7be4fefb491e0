from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/reader-script.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_closer_reader_strings = resolve('closer_reader_strings')
    try:
        t_1 = environment.filters['url']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'url' found.")
    pass
    yield '<script type="application/json" id="closer-reader-strings">'
    yield str((undefined(name='closer_reader_strings') if l_0_closer_reader_strings is missing else l_0_closer_reader_strings))
    yield '</script>\n<script src="'
    yield str(t_1(context, 'assets/javascripts/reader.js'))
    yield '"></script>'

blocks = {}
debug_info = '3=19&4=21'