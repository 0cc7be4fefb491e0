from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/palette.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_config = resolve('config')
    try:
        t_1 = environment.filters['d']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'd' found.")
    try:
        t_2 = environment.filters['e']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'e' found.")
    try:
        t_3 = environment.filters['replace']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'replace' found.")
    pass
    yield '<form class="md-header__option" data-closer-palette>\n  '
    l_1_loop = missing
    for l_1_option, l_1_loop in LoopContext(environment.getattr(environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'theme'), 'palette'), undefined):
        l_1_scheme = l_1_primary = l_1_accent = missing
        _loop_vars = {}
        pass
        yield '\n    '
        l_1_scheme = t_1(environment.getattr(l_1_option, 'scheme'), 'default', True)
        _loop_vars['scheme'] = l_1_scheme
        yield '\n    '
        l_1_primary = t_1(environment.getattr(l_1_option, 'primary'), 'indigo', True)
        _loop_vars['primary'] = l_1_primary
        yield '\n    '
        l_1_accent = t_1(environment.getattr(l_1_option, 'accent'), 'indigo', True)
        _loop_vars['accent'] = l_1_accent
        yield '\n    <input class="md-option" data-md-color-media="'
        yield str(t_2(environment.getattr(l_1_option, 'media')))
        yield '" data-md-color-scheme="'
        yield str(t_2(t_3(context.eval_ctx, (undefined(name='scheme') if l_1_scheme is missing else l_1_scheme), ' ', '-')))
        yield '" data-md-color-primary="'
        yield str(t_2(t_3(context.eval_ctx, (undefined(name='primary') if l_1_primary is missing else l_1_primary), ' ', '-')))
        yield '" data-md-color-accent="'
        yield str(t_2(t_3(context.eval_ctx, (undefined(name='accent') if l_1_accent is missing else l_1_accent), ' ', '-')))
        yield '" '
        if environment.getattr(l_1_option, 'toggle'):
            pass
            yield ' aria-label="'
            yield str(t_2(environment.getattr(environment.getattr(l_1_option, 'toggle'), 'name')))
            yield '" '
        else:
            pass
            yield ' aria-hidden="true" '
        yield ' type="radio" name="__palette" id="__palette_'
        yield str(environment.getattr(l_1_loop, 'index0'))
        yield '">\n    '
        if environment.getattr(l_1_option, 'toggle'):
            pass
            yield '\n      <label class="md-header__button md-icon" title="'
            yield str(t_2(environment.getattr(environment.getattr(l_1_option, 'toggle'), 'name')))
            yield '" for="__palette_'
            yield str((environment.getattr(l_1_loop, 'index') % environment.getattr(l_1_loop, 'length')))
            yield '" hidden>\n        '
            template = environment.get_or_select_template(str_join(('.icons/', environment.getattr(environment.getattr(l_1_option, 'toggle'), 'icon'), '.svg', )), 'partials/palette.html')
            gen = template.root_render_func(template.new_context(context.get_all(), True, {'accent': l_1_accent, 'loop': l_1_loop, 'option': l_1_option, 'primary': l_1_primary, 'scheme': l_1_scheme}))
            try:
                for event in gen:
                    yield event
            finally: gen.close()
            yield '\n      </label>\n    '
        yield '\n  '
    l_1_loop = l_1_option = l_1_scheme = l_1_primary = l_1_accent = missing
    yield '\n</form>'

blocks = {}
debug_info = '6=32&7=37&8=40&9=43&10=46&11=65&12=68&13=72'