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
        t_1 = environment.filters['e']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'e' found.")
    try:
        t_2 = environment.filters['url']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'url' found.")
    pass
    yield '<div id="closer-reader-strings" data-strings="'
    yield str(t_1((undefined(name='closer_reader_strings') if l_0_closer_reader_strings is missing else l_0_closer_reader_strings)))
    yield '" hidden></div>\n<script src="'
    yield str(t_2(context, 'assets/javascripts/reader.js'))
    yield '"></script>'

blocks = {}
debug_info = '5=25&6=27'