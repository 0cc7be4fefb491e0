"""Strip anything executable from rendered author text, keeping the markup quiz pages need."""

from __future__ import annotations

import nh3

_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "button", "caption", "cite", "code", "col", "colgroup", "dd", "del",
    "details", "dfn", "div", "dl", "dt", "em", "fieldset", "figcaption", "figure", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "label", "legend", "li", "mark", "ol", "p", "pre", "q",
    "s", "samp", "section", "aside", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
    "textarea", "tfoot", "th", "thead", "tr", "u", "ul", "var",
}
_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir", "hidden", "role", "tabindex"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "input": {"type", "name", "value", "checked", "disabled"},
    "label": {"for"},
    "textarea": {"name", "rows", "cols"},
    "button": {"type"},
    "form": {"autocomplete"},
    "details": {"open"},
    "ol": {"start", "type"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
}


def sanitize(html: str) -> str:
    """Return `html` without scripts, event handlers, styles or `javascript:` URLs."""
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        generic_attribute_prefixes={"data-", "aria-"},
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel=None,
        strip_comments=False,  # Inert, and quiz pages mark their pieces with comments.
        filter_style_properties={"text-align"},
    )
