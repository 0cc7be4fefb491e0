"""The `closer` MkDocs plugin: quiz pages, the reader's pages and the facilitators' pages of a course."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any, Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from mkdocs_closer.compact_html import compacted
from mkdocs_closer.config import CloserConfig
from mkdocs_closer.csp import KnownCode, PagePolicy, is_shim
from mkdocs_closer.data import THEME
from mkdocs_closer.facilitator_pages import FacilitatorPages
from mkdocs_closer.file_layout import match_layout
from mkdocs_closer.minify import minify_copies
from mkdocs_closer.placeholders import find_placeholders
from mkdocs_closer.quiz_pages import QuizPages
from mkdocs_closer.quizcore.strings import merge_strings
from mkdocs_closer.reader_pages import ReaderPages
from mkdocs_closer.serve_ahead import WorkAhead
from mkdocs_closer.stacked_tables import has_labelled_cells
from mkdocs_closer.templates import precompiled
from mkdocs_closer.theme_fixes import fixed

log = get_plugin_logger("closer")


class CloserPlugin(BasePlugin[CloserConfig]):
    """Make a course of a MkDocs site: quizzes from YAML files, progress and journal pages, facilitators' pages."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.quizzes: QuizPages | None = None
        self.reader: ReaderPages | None = None
        self.facilitators: FacilitatorPages | None = None
        self.policy: PagePolicy | None = None
        self.serving = False
        """Whether the site is built for `mkdocs serve`."""
        self.ahead: WorkAhead | None = None
        """What readies `mkdocs serve`'s next build for edited quiz files, while the server waits to rebuild."""
        self.strings: dict[str, str] = {}
        """The interface text of this build, in the site's language with its overrides: for the site's own hooks."""

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Learn whether pages are for `mkdocs serve`, whose live reload needs an inline script of its own."""
        self.serving = command == "serve"
        if self.serving and self.config.csp:
            log.info("While serving, the Content-Security-Policy lets inline scripts run, for live reload; "
                     "the built site runs only the theme's.")

    # Before Material's offline plugin turns directory URLs off: QR codes show the published site's addresses.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Read the options into fresh state (`mkdocs serve` keeps the plugin between builds); add the theme files."""
        if self.ahead:
            self.ahead.building()
        dirs = config.theme.dirs
        if str(THEME) not in dirs:
            # Even when the plugin is off: a site's own templates may extend its `closer/main.html`.
            dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
        tables = "mkdocs_closer.stacked_tables"
        # Even when the plugin's pages are off, like the policy: the tables are the site's own.
        if self.config.stacked_tables and tables not in config.markdown_extensions:
            config.markdown_extensions.append(tables)
        if not self.config.enabled:
            self.quizzes = self.reader = self.facilitators = None
            self.strings = {}
            return config
        options = self.config
        root = Path(config.config_file_path).parent
        self.strings = strings = merge_strings(options.quizzes.strings, config.theme.get("language") or "en",
                                               site=config.site_name)
        self.quizzes = QuizPages(options.quizzes, root, strings)
        self.reader = ReaderPages(options.reader, strings, options.storage)
        self.facilitators = None
        if options.facilitators.enabled:
            self.facilitators = FacilitatorPages(options.facilitators, strings, options.reader.lessons,
                                                 self.quizzes.cache_dir)
            self.facilitators.configure(config)
        if str(self.quizzes.quiz_dir) not in config.watch:
            config.watch.append(str(self.quizzes.quiz_dir))
        config.markdown_extensions += [e for e in ("attr_list", "md_in_html") if e not in config.markdown_extensions]
        self.quizzes.start_loading(config)
        return config

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        """Have edited quiz files read, checked and finished while the server waits for edits to settle."""
        ahead = self.ahead or WorkAhead()
        if self.quizzes and self.quizzes.cache_dir and ahead.watch(server, self.quizzes.quiz_dir):
            self.ahead = ahead
            ahead.built(partial(self.quizzes.ready_edits, config))
        return server

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        """Add the quiz pages, then the reader's and the facilitators' pages, which list the quizzes."""
        if not self.quizzes or not self.reader:
            return None
        quizzes = self.quizzes.add(files, config)
        # Each feature has its own environment (filters of its own), all keeping compiled templates in the cache.
        self.reader.add(files, config, quizzes, self.quizzes.theme_env(config))
        if self.facilitators:
            self.facilitators.add(files, config, quizzes, self.quizzes.theme_env(config))
        return files

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> None:
        """Learn the course order from the navigation; list the journal as a page in a navigation made from folders."""
        if self.reader:
            if config.nav is None:
                self.reader.unfold_journal(nav)
            self.reader.learn_order(nav)
        if self.facilitators:
            self.facilitators.learn_order(nav)

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Warn of placeholders left to write; write the generated pages."""
        if not self.quizzes or not self.reader:
            return None
        if "[TODO:" in markdown and not page.file.generated_by:
            source = page.file.content_string  # with front matter, for the right line numbers
            for found in find_placeholders(source):
                log.warning("%s:%d:%d: to write: %s", _shown(config, page), found.line, found.column, found.what)
        written = self.reader.write(page, files)
        if written is None and self.facilitators:
            written = self.facilitators.write(page, files)
        return written

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Keep a quiz page's searchable part and name its questions; sanitise journal and answer key; link lessons."""
        if self.config.stacked_tables and has_labelled_cells(html):
            page.meta["stacked_tables"] = True  # for closer/main.html, which loads the styles that stack them
        if not self.quizzes or not self.reader:
            return None
        self.quizzes.name_questions(page)
        return (self.quizzes.searchable_part(html, page) or self.reader.clean(html, page)
                or (self.facilitators.clean(html, page) if self.facilitators else None)
                or self.quizzes.link_lesson(html, page))

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> None:
        """Load templates compiled (the plugin's as shipped, the theme's from the cache); give pages their settings."""
        precompiled(env)  # even when the plugin is off: a site's own templates extend its templates
        self.policy = None
        if self.config.csp:  # even when the plugin is off: a site with its pages switched off stays as secure
            shims = [file.content_string for file in files if is_shim(file.src_uri)]
            self.policy = PagePolicy(KnownCode.from_env(env), shims[0] if shims else None, live_reload=self.serving)
        if self.quizzes:
            self.quizzes.start_pages()
            match_layout(files)
            # MkDocs compiles every template of the theme again on each build: a third of a small site's build.
            self.quizzes.keep_compiled(env)
        if self.reader:
            env.globals.update(self.reader.theme_globals(files))

    # Before Material's search, which indexes the content that this gives quiz pages.
    @event_priority(100)
    def _prepare_quiz(self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig,
                      nav: Navigation) -> None:
        """Give a quiz page its searchable part and its metadata for its render."""
        if self.quizzes:
            self.quizzes.prepare_render(page)

    # After search: the page is drawn with the whole quiz, whose answers search never sees.
    @event_priority(-100)
    def _complete_quiz(self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig,
                       nav: Navigation) -> None:
        """Put the full quiz in place of its searchable part."""
        if self.quizzes:
            self.quizzes.complete(page)

    on_page_context = CombinedEvent(_prepare_quiz, _complete_quiz)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """Mend Material's markup, secure and compact the page; keep in memory only a quiz page's searchable part."""
        if self.quizzes:
            self.quizzes.finish(page)
        return self._finished(output)

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        """Do the same to the theme's stand-alone pages, such as 404.html."""
        return self._finished(output_content) if template_name.endswith(".html") else output_content

    def _finished(self, html: str) -> str:
        """Return a page with Material's markup mended, then, as the site asks, secured by its policy and compacted."""
        html = fixed(html)
        if self.policy:
            html = self.policy.secured(html)
        return compacted(html) if self.config.compact_html else html

    def on_build_error(self, *, error: Exception) -> None:
        """Stop the work begun for the build."""
        if self.ahead:
            self.ahead.built(None)  # nothing of this build to prepare the next one with
        if self.quizzes:
            self.quizzes.cancel()
        if self.facilitators:
            self.facilitators.cancel()

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Ship the plugin's scripts and styles minified; forget quizzes' pages gone stale; keep the QR codes drawn."""
        minify_copies(THEME / "assets", Path(config.site_dir))  # even when its pages are off: its theme is the site's
        if self.quizzes:
            self.quizzes.forget_stale()
        if self.facilitators:
            self.facilitators.remember()
        if self.ahead:
            self.ahead.built(partial(self.quizzes.ready_edits, config) if self.quizzes else None)

    def on_shutdown(self) -> None:
        """Stop readying builds: the server is shutting down."""
        if self.ahead:
            self.ahead.close()
            self.ahead = None


def _shown(config: MkDocsConfig, page: Page) -> str:
    """Return a page's file as an author finds it: relative to mkdocs.yml."""
    path = Path(page.file.abs_src_path or page.file.src_path)
    try:
        return path.relative_to(Path(config.config_file_path).parent).as_posix()
    except ValueError:
        return path.as_posix()
