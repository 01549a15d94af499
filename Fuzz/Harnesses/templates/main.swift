import Foundation
import FuzzSupport
@testable import Report

let folder = ScratchFolder("templates")

/// A stylesheet for inputs that bring none, so loading gets past it to the templates.
let defaultStylesheet: [UInt8] = Array("body { margin: 0 }\n".utf8)

/// Values shaped like the report's page model, small, for rendering what loaded.
// `nonisolated(unsafe)`: Swift 6 makes a top-level `let` of main.swift main-actor isolated, and
// `[String: Any]` is not Sendable. Safe: it is never written, and libFuzzer calls the harness
// from one thread.
nonisolated(unsafe) let pageValues: [String: Any] = [
    "lang": "en", "title": "Loss <functions>", "lead": "lead & text", "contentSecurityPolicy": "default-src 'self'",
    "stylesheetHref": "style.css", "footer": "footer", "generator": "lossplot",
    "ui": ["contents": "Contents", "formula": "Formula", "pros": "Pros", "cons": "Cons", "download": "Download"],
    "toc": [["id": "a", "title": "A", "children": [["id": "a1", "title": "A1", "children": [Any](), "hasChildren": false]], "hasChildren": true]],
    "sections": [[
        "id": "s", "title": "Section", "hasExtras": false, "extrasTitle": "More", "extrasID": "more",
        "blocks": [["paragraphHtml": "<p>text</p>"]],
        "articles": [["id": "mse", "title": "MSE", "formulaHtml": "<math></math>", "symbolsHtml": ["x"], "blocks": [Any](), "prosHtml": ["fast"]]],
        "extras": [Any](),
    ]],
]

/// Template loading (`TemplateSet`): the input is a templates folder, split into files at lines
/// `--8<-- NAME` (`FuzzInput.parts`): the first part is `page.mustache`, a part named
/// `partials/x` is `partials/x.mustache`, `style.css` the stylesheet, any other name without a
/// folder `NAME.mustache` beside the page; a part in any other folder is left out (no template
/// is read from there, and `style.css/x` would make a folder where the stylesheet goes). What
/// loads is rendered with a small page model.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplates(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    folder.reset()
    var hasStylesheet = false
    for part in FuzzInput.parts(FuzzInput.bytes(data, size), first: "page") {
        let folders = part.name.split(separator: "/").dropLast()
        if part.name == TemplateSet.styleFile {
            hasStylesheet = true
            folder.write(part.bytes, to: part.name)
        } else if folders.isEmpty || folders == ["partials"] {
            folder.write(part.bytes, to: part.name + ".mustache")
        }
    }
    if !hasStylesheet { folder.write(defaultStylesheet, to: TemplateSet.styleFile) }
    guard let templates = try? TemplateSet(directory: folder.path) else { return 0 }
    _ = templates.library.render(pageValues, withTemplate: "page")
    return 0
}

FuzzDriver.run(fuzzTemplates)
