from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/header.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_features = resolve('features')
    l_0_lang = resolve('lang')
    l_0_config = resolve('config')
    l_0_nav = resolve('nav')
    l_0_page = resolve('page')
    l_0_search = resolve('search')
    l_0_class = l_0_icon = missing
    try:
        t_1 = environment.filters['attr']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'attr' found.")
    try:
        t_2 = environment.filters['d']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'd' found.")
    try:
        t_3 = environment.filters['e']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'e' found.")
    try:
        t_4 = environment.filters['url']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'url' found.")
    try:
        t_5 = environment.tests['mapping']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No test named 'mapping' found.")
    pass
    l_0_class = 'md-header'
    context.vars['class'] = l_0_class
    context.exported_vars.add('class')
    yield '\n'
    if ('navigation.tabs.sticky' in (undefined(name='features') if l_0_features is missing else l_0_features)):
        pass
        yield '\n  '
        l_0_class = str_join(((undefined(name='class') if l_0_class is missing else l_0_class), ' md-header--shadow md-header--lifted', ))
        context.vars['class'] = l_0_class
        context.exported_vars.add('class')
        yield '\n'
    elif ('navigation.tabs' not in (undefined(name='features') if l_0_features is missing else l_0_features)):
        pass
        yield '\n  '
        l_0_class = str_join(((undefined(name='class') if l_0_class is missing else l_0_class), ' md-header--shadow', ))
        context.vars['class'] = l_0_class
        context.exported_vars.add('class')
        yield '\n'
    yield '\n<header class="'
    yield str((undefined(name='class') if l_0_class is missing else l_0_class))
    yield '" data-md-component="header">\n  <nav class="md-header__inner md-grid" aria-label="'
    yield str(context.call(environment.getattr((undefined(name='lang') if l_0_lang is missing else l_0_lang), 't'), 'header'))
    yield '">\n    <a href="'
    yield str(t_4(context, t_2(environment.getattr(environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'extra'), 'homepage'), environment.getattr(environment.getattr((undefined(name='nav') if l_0_nav is missing else l_0_nav), 'homepage'), 'url'), True)))
    yield '" title="'
    yield str(t_3(environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'site_name')))
    yield '" class="md-header__button md-logo" aria-label="'
    yield str(environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'site_name'))
    yield '" data-md-component="logo">\n      '
    template = environment.get_template('partials/logo.html', 'partials/header.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'class': l_0_class, 'icon': l_0_icon, 'search': l_0_search}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\n    </a>\n    <label class="md-header__button md-icon" for="__drawer">\n      '
    l_0_icon = (environment.getattr(environment.getattr(environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'theme'), 'icon'), 'menu') or 'material/menu')
    context.vars['icon'] = l_0_icon
    context.exported_vars.add('icon')
    yield '\n      '
    template = environment.get_or_select_template(str_join(('.icons/', (undefined(name='icon') if l_0_icon is missing else l_0_icon), '.svg', )), 'partials/header.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'class': l_0_class, 'icon': l_0_icon, 'search': l_0_search}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\n      <span class="closer-sr" id="closer-menu-name">'
    yield str(context.call(environment.getattr((undefined(name='lang') if l_0_lang is missing else l_0_lang), 't'), 'nav'))
    yield '</span>\n    </label>\n    <div class="md-header__title" data-md-component="header-title">\n      <div class="md-header__ellipsis">\n        <div class="md-header__topic">\n          <span class="md-ellipsis">\n            '
    yield str(environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'site_name'))
    yield '\n          </span>\n        </div>\n        <div class="md-header__topic" data-md-component="header-topic">\n          <span class="md-ellipsis">\n            '
    if (environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta') and environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta'), 'title')):
        pass
        yield '\n              '
        yield str(environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta'), 'title'))
        yield '\n            '
    else:
        pass
        yield '\n              '
        yield str(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'title'))
        yield '\n            '
    yield '\n          </span>\n        </div>\n      </div>\n    </div>\n    '
    if environment.getattr(environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'theme'), 'palette'):
        pass
        yield '\n      '
        if (not t_5(environment.getattr(environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'theme'), 'palette'))):
            pass
            yield '\n        '
            template = environment.get_template('partials/palette.html', 'partials/header.html')
            gen = template.root_render_func(template.new_context(context.get_all(), True, {'class': l_0_class, 'icon': l_0_icon, 'search': l_0_search}))
            try:
                for event in gen:
                    yield event
            finally: gen.close()
            yield '\n      '
        yield '\n    '
    yield '\n    '
    if environment.getattr(environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'extra'), 'alternate'):
        pass
        yield '\n      '
        template = environment.get_template('partials/alternate.html', 'partials/header.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'class': l_0_class, 'icon': l_0_icon, 'search': l_0_search}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        yield '\n    '
    yield '\n    '
    template = environment.get_template('partials/reader-links.html', 'partials/header.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'class': l_0_class, 'icon': l_0_icon, 'search': l_0_search}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\n    '
    if ('material/search' in environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'plugins')):
        pass
        yield '\n      '
        l_0_search = t_1(environment, environment.getitem(environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'plugins'), 'material/search'), 'config')
        context.vars['search'] = l_0_search
        context.exported_vars.add('search')
        yield '\n      '
        if environment.getattr((undefined(name='search') if l_0_search is missing else l_0_search), 'enabled'):
            pass
            yield '\n        <label class="md-header__button md-icon" for="__search">\n          '
            l_0_icon = (environment.getattr(environment.getattr(environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'theme'), 'icon'), 'search') or 'material/magnify')
            context.vars['icon'] = l_0_icon
            context.exported_vars.add('icon')
            yield '\n          '
            template = environment.get_or_select_template(str_join(('.icons/', (undefined(name='icon') if l_0_icon is missing else l_0_icon), '.svg', )), 'partials/header.html')
            gen = template.root_render_func(template.new_context(context.get_all(), True, {'class': l_0_class, 'icon': l_0_icon, 'search': l_0_search}))
            try:
                for event in gen:
                    yield event
            finally: gen.close()
            yield '\n        </label>\n        '
            template = environment.get_template('partials/search.html', 'partials/header.html')
            gen = template.root_render_func(template.new_context(context.get_all(), True, {'class': l_0_class, 'icon': l_0_icon, 'search': l_0_search}))
            try:
                for event in gen:
                    yield event
            finally: gen.close()
            yield '\n      '
        yield '\n    '
    yield '\n    '
    if environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'repo_url'):
        pass
        yield '\n      <div class="md-header__source">\n        '
        template = environment.get_template('partials/source.html', 'partials/header.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'class': l_0_class, 'icon': l_0_icon, 'search': l_0_search}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        yield '\n      </div>\n    '
    yield '\n    '
    template = environment.get_template('partials/quick-exit.html', 'partials/header.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'class': l_0_class, 'icon': l_0_icon, 'search': l_0_search}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    if (not t_5(environment.getattr(environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'theme'), 'palette'))):
        pass
        yield '\n      '
        template = environment.get_template('partials/javascripts/palette.html', 'partials/header.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'class': l_0_class, 'icon': l_0_icon, 'search': l_0_search}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        yield '\n    '
    yield '\n  </nav>\n  '
    if ('navigation.tabs.sticky' in (undefined(name='features') if l_0_features is missing else l_0_features)):
        pass
        yield '\n    '
        if ('navigation.tabs' in (undefined(name='features') if l_0_features is missing else l_0_features)):
            pass
            yield '\n      '
            template = environment.get_template('partials/tabs.html', 'partials/header.html')
            gen = template.root_render_func(template.new_context(context.get_all(), True, {'class': l_0_class, 'icon': l_0_icon, 'search': l_0_search}))
            try:
                for event in gen:
                    yield event
            finally: gen.close()
            yield '\n    '
        yield '\n  '
    yield '\n</header>'

blocks = {}
debug_info = '4=48&5=52&6=55&7=59&8=62&10=67&11=69&12=71&13=77&16=84&17=88&18=95&24=97&29=99&30=102&32=107&38=110&39=113&40=116&43=125&44=128&46=136&47=143&48=146&49=150&51=153&52=157&54=164&57=173&59=176&62=184&65=190&66=193&69=201&70=204&71=207'