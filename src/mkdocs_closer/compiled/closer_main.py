from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'closer/main.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'closer/main.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    yield from parent_template.root_render_func(context)

def block_htmltitle(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_config = resolve('config')
    l_0_page = resolve('page')
    l_0_site = missing
    try:
        t_1 = environment.filters['e']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'e' found.")
    try:
        t_2 = environment.filters['striptags']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'striptags' found.")
    pass
    yield '\n  '
    l_0_site = t_1(t_2(environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'site_name')))
    _block_vars['site'] = l_0_site
    yield '\n  '
    if (environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta') and environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta'), 'title')):
        pass
        yield '\n    <title>'
        yield str(t_1(t_2(environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta'), 'title'))))
        yield ' - '
        yield str((undefined(name='site') if l_0_site is missing else l_0_site))
        yield '</title>\n  '
    elif (environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'title') and (not environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'is_homepage'))):
        pass
        yield '\n    <title>'
        yield str(t_1(t_2(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'title'))))
        yield ' - '
        yield str((undefined(name='site') if l_0_site is missing else l_0_site))
        yield '</title>\n  '
    else:
        pass
        yield '\n    <title>'
        yield str((undefined(name='site') if l_0_site is missing else l_0_site))
        yield '</title>\n  '
    yield '\n'

def block_extrahead(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_super = context.super('extrahead', block_extrahead)
    _block_vars = {}
    l_0_config = resolve('config')
    l_0_closer_config = resolve('closer_config')
    pass
    yield '\n  '
    yield str(context.call(l_0_super, _block_vars=_block_vars))
    yield '<meta name="referrer" content="no-referrer"><script>(function (c) { c.remove("no-js"); c.add("js-focus-visible", "js"); })(document.documentElement.classList);</script>'
    if ('navigation.instant' in environment.getattr(environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'theme'), 'features')):
        pass
        yield '\n    <script>location.protocol === "file:" || (function () {\n  function resolve(node) {\n    if (node.nodeType === 1) for (var name of ["href", "src"]) {\n      var value = node.getAttribute(name);\n      if (value && !/^(?:[a-z]+:)?\\/\\//i.test(value) && typeof node[name] == "string") node[name] = node[name];\n    }\n  }\n  document.querySelectorAll("[href], [src]").forEach(resolve);\n  var parsed = new MutationObserver(function (records) {\n    for (var record of records) record.addedNodes.forEach(resolve);\n  });\n  parsed.observe(document, { childList: true, subtree: true });\n  addEventListener("DOMContentLoaded", function () { parsed.disconnect(); });\n})();</script>\n  '
    yield '\n  '
    if (undefined(name='closer_config') if l_0_closer_config is missing else l_0_closer_config):
        pass
        yield '\n    <script type="application/json" id="closer-config">'
        yield str((undefined(name='closer_config') if l_0_closer_config is missing else l_0_closer_config))
        yield '</script>\n  '
    yield '\n'

def block_styles(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_super = context.super('styles', block_styles)
    _block_vars = {}
    l_0_page = resolve('page')
    try:
        t_3 = environment.filters['url']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'url' found.")
    pass
    yield '\n  '
    yield str(context.call(l_0_super, _block_vars=_block_vars))
    yield '\n  <link rel="stylesheet" href="'
    yield str(t_3(context, 'assets/stylesheets/closer.css'))
    yield '">'
    if (((undefined(name='page') if l_0_page is missing else l_0_page) and environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta')) and environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta'), 'quiz')):
        pass
        yield '\n    <link rel="stylesheet" href="'
        yield str(t_3(context, 'assets/quiz/quiz.css'))
        yield '">\n  '
    yield '\n  <noscript><style>.no-js .quiz-js,.no-js .closer-js{display:none!important}.no-js .md-typeset pre>code{white-space:pre-wrap;overflow-wrap:anywhere}.no-js .quiz-nojs{display:inline!important}.no-js .quiz-question>details.quiz-answer,.no-js .quiz-safety__help{display:block!important}@supports selector(::details-content){.no-js details.quiz-paper::details-content{content-visibility:visible;display:contents}.no-js details.quiz-paper>summary{display:none}}</style></noscript>\n  '
    if (((undefined(name='page') if l_0_page is missing else l_0_page) and environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta')) and environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta'), 'reader')):
        pass
        yield '\n    <link rel="stylesheet" href="'
        yield str(t_3(context, 'assets/stylesheets/reader.css'))
        yield '">\n  '
    yield '\n  '
    if (((undefined(name='page') if l_0_page is missing else l_0_page) and environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta')) and environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta'), 'stacked_tables')):
        pass
        yield '\n    <link rel="stylesheet" href="'
        yield str(t_3(context, 'assets/stylesheets/tables.css'))
        yield '">\n  '
    yield '\n  <link rel="stylesheet" href="'
    yield str(t_3(context, 'assets/stylesheets/print.css'))
    yield '" media="print">\n'

def block_scripts(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_super = context.super('scripts', block_scripts)
    _block_vars = {}
    l_0_closer_config = resolve('closer_config')
    try:
        t_3 = environment.filters['url']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'url' found.")
    pass
    yield '\n  '
    yield str(context.call(l_0_super, _block_vars=_block_vars))
    yield '<script>window.document$ || (function (c) { c.remove("js-focus-visible", "js"); c.add("no-js"); })(document.documentElement.classList);</script>\n  '
    if (undefined(name='closer_config') if l_0_closer_config is missing else l_0_closer_config):
        pass
        yield '\n    <script src="'
        yield str(t_3(context, 'assets/javascripts/storage.js'))
        yield '"></script>\n    <script src="'
        yield str(t_3(context, 'assets/javascripts/closer.js'))
        yield '"></script>\n  '
    yield '\n'

def block_content(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_super = context.super('content', block_content)
    _block_vars = {}
    l_0_page = resolve('page')
    l_0_closer_lessons = resolve('closer_lessons')
    l_0_closer_strings = resolve('closer_strings')
    l_0_closer_reader_pages = resolve('closer_reader_pages')
    try:
        t_1 = environment.filters['e']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'e' found.")
    try:
        t_3 = environment.filters['url']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'url' found.")
    pass
    yield '\n  '
    yield str(context.call(l_0_super, _block_vars=_block_vars))
    yield '\n  '
    if ((environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'file') and (undefined(name='closer_lessons') if l_0_closer_lessons is missing else l_0_closer_lessons)) and context.call(environment.getattr(environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'file'), 'src_uri'), 'startswith'), (undefined(name='closer_lessons') if l_0_closer_lessons is missing else l_0_closer_lessons), _block_vars=_block_vars)):
        pass
        yield '\n    <p class="closer-js closer-read" data-lesson="'
        yield str(environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'file'), 'src_uri'))
        yield '">\n      <button type="button" class="md-button" data-read-toggle>'
        yield str(t_1(environment.getattr((undefined(name='closer_strings') if l_0_closer_strings is missing else l_0_closer_strings), 'mark_read')))
        yield '</button>\n      <span class="closer-read__status" role="status" data-read-status></span>\n    </p>'
        yield from context.blocks['closer_lesson_end'][0](context)
        yield '\n  '
    yield '\n  '
    if (environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta') and environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta'), 'quiz')):
        pass
        if ((undefined(name='closer_reader_pages') if l_0_closer_reader_pages is missing else l_0_closer_reader_pages) and environment.getattr((undefined(name='closer_reader_pages') if l_0_closer_reader_pages is missing else l_0_closer_reader_pages), 'progress')):
            pass
            yield '\n      <p class="quiz-js closer-clear-all"><a href="'
            yield str(t_3(context, environment.getattr(environment.getattr((undefined(name='closer_reader_pages') if l_0_closer_reader_pages is missing else l_0_closer_reader_pages), 'progress'), 'url')))
            yield '#clear-everything">'
            yield str(t_1(environment.getattr((undefined(name='closer_strings') if l_0_closer_strings is missing else l_0_closer_strings), 'clear_everything_link')))
            yield '</a></p>\n    '
        yield '\n    <link rel="stylesheet" href="'
        yield str(t_3(context, 'assets/quiz/quiz.css'))
        yield '">\n    <script src="'
        yield str(t_3(context, 'assets/quiz/quiz.js'))
        yield '"></script>\n  '
    yield '\n  '
    if (environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta') and environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta'), 'reader')):
        pass
        yield '\n    <link rel="stylesheet" href="'
        yield str(t_3(context, 'assets/stylesheets/reader.css'))
        yield '">\n    '
        template = environment.get_template('partials/reader-script.html', 'closer/main.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'super': l_0_super}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        yield '\n  '
    yield '\n  '
    if (environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta') and environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta'), 'stacked_tables')):
        pass
        yield '\n    <link rel="stylesheet" href="'
        yield str(t_3(context, 'assets/stylesheets/tables.css'))
        yield '">\n  '
    yield '\n'

def block_closer_lesson_end(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'htmltitle': block_htmltitle, 'extrahead': block_extrahead, 'styles': block_styles, 'scripts': block_scripts, 'content': block_content, 'closer_lesson_end': block_closer_lesson_end}
debug_info = '3=12&9=17&10=41&11=44&12=47&13=51&14=54&16=61&20=65&21=77&37=79&53=83&54=86&58=90&59=107&60=109&68=111&69=114&72=117&73=120&75=123&76=126&78=129&84=132&85=149&88=151&89=154&90=156&97=160&98=186&99=188&100=191&101=193&105=195&107=198&111=200&112=203&114=208&115=210&117=213&118=216&119=218&121=226&122=229&105=233'