from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/javascripts/palette.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield '<script>(function () {\n  var inputs = document.querySelectorAll("[data-closer-palette] input");\n  if (!inputs.length) return;\n  var body = document.body;\n  window.closerPalette = function (index) {\n    var chosen = inputs[index], media = chosen.getAttribute("data-md-color-media"), colours = chosen;\n    if (media === "(prefers-color-scheme)")\n      colours = document.querySelector("[data-md-color-media=\'(prefers-color-scheme: " +\n        (matchMedia("(prefers-color-scheme: light)").matches ? "light" : "dark") + ")\']");\n    body.setAttribute("data-md-color-media", media);\n    ["scheme", "primary", "accent"].forEach(function (key) {\n      var name = "data-md-color-" + key, value = colours.getAttribute(name);\n      if (body.getAttribute(name) === value) return;\n      body.setAttribute("data-md-color-switching", "");\n      body.setAttribute(name, value);\n    });\n    var dark = body.getAttribute("data-md-color-scheme") === "slate";\n    if (dark && !document.head.querySelector("meta[name=color-scheme]")) {\n      var meta = document.createElement("meta");\n      meta.name = "color-scheme";\n      meta.content = "dark";\n      document.head.append(meta);\n    }\n    chosen.checked = true;\n    for (var i = 0; i < inputs.length; i++) {\n      var label = inputs[i].nextElementSibling;\n      if (label instanceof HTMLElement) label.hidden = i !== index;\n    }\n  };\n  var saved = __md_get("__palette"), index = saved ? saved.index : -1;\n  for (var i = 0; index < 0 && i < inputs.length; i++)\n    if (matchMedia(inputs[i].getAttribute("data-md-color-media")).matches) index = i;\n  closerPalette(Math.max(0, Math.min(index, inputs.length - 1)));\n})();</script>'

blocks = {}
debug_info = ''