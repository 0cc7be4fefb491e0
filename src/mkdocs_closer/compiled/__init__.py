"""The package's templates as compiled code, written by scripts/compile_templates.py."""
# fmt: off

JINJA = '3.1.6'
OPTIONS: tuple[object, ...] = ('Environment', 'CodeGenerator', 'Undefined', False, True, False, True, '{%', '%}', '{{', '}}', '{#', '#}', None, None, False, False, '\n', False, ('jinja2.ext.InternationalizationExtension',))
TEMPLATES: dict[str, tuple[str, str, dict[str, str | None]]] = {
    'closer/main.html': ('closer_main', '9de3f4709c2c8f10bdd90456806f8ab2b3e0e3b07fcdcabd7695f73c20dd13fb', {'filter:e': None, 'filter:striptags': None, 'filter:url': 'context'}),
    'facilitators/answer-key.html': ('facilitators_answer_key', 'ac84d5071e4cee7d3eb6df74cf7c98ed21159fe8c57ee8aac050c892730dbe36', {'filter:first': 'environment', 'filter:inline_markdown': None, 'filter:last': 'environment', 'filter:length': None, 'filter:list': 'eval_context', 'filter:page_link': None, 'filter:plain_markdown': None, 'filter:rejectattr': 'context', 'filter:selectattr': 'context', 'test:none': None}),
    'facilitators/link-sheet.html': ('facilitators_link_sheet', '6dd89798db1176e3549812d9f1c0fcefd416486ac5b7508e8c3cad86547826e1', {'filter:e': None, 'filter:plain_markdown': None, 'filter:replace': 'eval_context'}),
    'facilitators/pack.html': ('facilitators_pack', '589840a82fb3e9ab3935e492f2cb272474625cfd4c4f2ead4a309efa789005e0', {'filter:e': None, 'filter:plain_markdown': None}),
    'facilitators/qr.html': ('facilitators_qr', '6d12eaa7e8ba78d8c271ca6f5d6d6ba99e95a10abf7f474493033b885147e73c', {'filter:e': None}),
    'main.html': ('main', 'ce1328b4e128e3631abb175f06c585a98dc46bd59eb65ad3d369ff1f1d4c0cc1', {}),
    'partials/header.html': ('partials_header', '90736055ebf7bba416d754880d5ae2771b0941b839bfbe28812839c8cccb6101', {'filter:attr': 'environment', 'filter:d': None, 'filter:e': None, 'filter:url': 'context', 'test:mapping': None}),
    'partials/javascripts/palette.html': ('partials_javascripts_palette', '5b7ef83ff08b06dba81196ac18aee36f59a896c4a382a603d05f62efa0337b7e', {}),
    'partials/palette.html': ('partials_palette', '3d5e40e81044d5f9b4fa6acc17e76766b5c2c0903733ffd4b779e6c9c25787fa', {'filter:d': None, 'filter:e': None, 'filter:replace': 'eval_context'}),
    'partials/quick-exit.html': ('partials_quick_exit', '23cd15f3df18063d3f431869252e564cd59932e3478da3e8fca57f20041d57d6', {'filter:e': None}),
    'partials/reader-links.html': ('partials_reader_links', 'e27b81ada53032e0155519f1f7df42dab1276b20a45e08e969dcb7fbfa0eb814', {'filter:e': None, 'filter:url': 'context'}),
    'partials/reader-script.html': ('partials_reader_script', '58b3a6c2ab0974012e674fb07a18deb840f1b0a67c8fdb8dff253934b41e4c61', {'filter:e': None, 'filter:url': 'context'}),
    'quiz/bands.html': ('quiz_bands', '6ef45cfe16980fcf82c56b67e54ea02f9591234290acf88ad949754a392f411c', {'filter:e': None, 'filter:list': 'eval_context', 'filter:reject': 'context'}),
    'quiz/knowledge-check.html': ('quiz_knowledge_check', '6c391047e5eedb18d4df07b14050345d08baf1f56f908ec75acf07157f762645', {'filter:e': None, 'filter:first': 'environment', 'filter:length': None, 'filter:list': 'eval_context', 'filter:selectattr': 'context'}),
    'quiz/lesson-links.html': ('quiz_lesson_links', '59e67eedc9f70581a9b991aea967a98e0325fac5bfc993c35b51021467041df3', {'filter:e': None, 'filter:length': None, 'filter:list': 'eval_context', 'filter:selectattr': 'context'}),
    'quiz/page.html': ('quiz_page', '99236f3a64d270dabef5912ad6ba57b2d82e4e5c70f143fa7e39329e6eb70d81', {'filter:e': None}),
    'quiz/search.html': ('quiz_search', '3b993fb7b9b7577374493fbbc9e22364ad36fbf84a69a7b7bcf8fa7549f8f3e3', {}),
    'quiz/self-assessment.html': ('quiz_self_assessment', '8e057979e710839caa520cc32aa6fb269366282936fcef8ed860b3b2d5c9b05d', {'filter:e': None, 'filter:first': 'environment', 'filter:int': None, 'filter:last': 'environment', 'filter:list': 'eval_context', 'filter:map': 'context', 'filter:round': None, 'filter:selectattr': 'context'}),
    'reader/journal.html': ('reader_journal', '7145674a27b2286fb80f48d244c5bb3ad9e05c7bb3e2078058d1a260db8e0110', {'filter:author_markdown': None, 'filter:e': None, 'filter:plain_markdown': None, 'filter:sum': 'environment'}),
    'reader/progress.html': ('reader_progress', 'a2add10bee3ceed9969f7c0320548414a2fc1a337df4debe09a8e836c751c2e3', {'filter:e': None, 'filter:html_text': None, 'filter:length': None}),
}
"""Template name: (module, SHA-256 of its source, {filter or test: how it is called})."""
