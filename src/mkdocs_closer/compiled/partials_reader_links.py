from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/reader-links.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_closer_reader_pages = resolve('closer_reader_pages')
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
    if (undefined(name='closer_reader_pages') if l_0_closer_reader_pages is missing else l_0_closer_reader_pages):
        pass
        yield '\n  '
        for (l_1_key, l_1_icon) in (('progress', 'chart-donut'), ('journal', 'notebook-outline')):
            l_1_page = resolve('page')
            l_1_closer_strings = resolve('closer_strings')
            l_1_target = missing
            _loop_vars = {}
            pass
            yield '\n    '
            l_1_target = environment.getitem((undefined(name='closer_reader_pages') if l_0_closer_reader_pages is missing else l_0_closer_reader_pages), l_1_key)
            _loop_vars['target'] = l_1_target
            yield '\n    '
            if (undefined(name='target') if l_1_target is missing else l_1_target):
                pass
                yield '\n      <a href="'
                yield str(t_2(context, environment.getattr((undefined(name='target') if l_1_target is missing else l_1_target), 'url')))
                yield '" class="md-header__button closer-header-link"'
                if ((undefined(name='page') if l_1_page is missing else l_1_page) and (environment.getattr((undefined(name='page') if l_1_page is missing else l_1_page), 'file') == (undefined(name='target') if l_1_target is missing else l_1_target))):
                    pass
                    yield ' aria-current="page"'
                yield '>\n        '
                template = environment.get_or_select_template(str_join(('.icons/material/', l_1_icon, '.svg', )), 'partials/reader-links.html')
                gen = template.root_render_func(template.new_context(context.get_all(), True, {'icon': l_1_icon, 'key': l_1_key, 'target': l_1_target}))
                try:
                    for event in gen:
                        yield event
                finally: gen.close()
                yield '\n        <span class="closer-header-link__label">'
                yield str(t_1(environment.getitem((undefined(name='closer_strings') if l_1_closer_strings is missing else l_1_closer_strings), str_join((l_1_key, '_title', )))))
                yield '</span>\n      </a>\n    '
            yield '\n  '
        l_1_key = l_1_icon = l_1_target = l_1_page = l_1_closer_strings = missing
        yield '\n'

blocks = {}
debug_info = '3=24&4=27&5=34&6=37&7=40&8=42&9=46&10=53'