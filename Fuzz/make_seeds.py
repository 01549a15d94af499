#!/usr/bin/env python3
"""Writes the committed seed corpora under Fuzz/corpus/ (run from the package root; needs only
Python's standard library). The seeds are small valid files and edge cases, taken from the test
fixtures and the report's own manifest and templates; libFuzzer mutates from them."""
import os, struct, zlib, pathlib

root = pathlib.Path(__file__).resolve().parent / "corpus"

def put(name, file, data):
    folder = root / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / file).write_bytes(data if isinstance(data, bytes) else data.encode())

# CSV: the DataFiles tests' tables, quoting, CRLF, blanks, text, errors.
for file, text in {
    "header.csv": "epoch,loss,\"val loss\"\n1,0.5,\n2,0.25,0.3\n",
    "crlf.csv": "1,2\r\n3,4\r\n",
    "quoted.csv": "name,x\n\"a, \"\"b\"\"\nc\",1\n\"2.5\",2\n",
    "ragged.csv": "1,2\n3,4\n5\n",
    "text-cell.csv": "a\n1\nx\n",
    "unclosed.csv": "\"1\n2\n",
    "empty-lines.csv": "\n\n1\n\n2\n",
    "numbers.csv": "-1e-300,+2.5E+10,inf,-Infinity,nan,0x10,.5,5.,1_0\n1,2,3,4,5,6,7,8,9\n",
    "bom-tsv.csv": "\ufeffstep,loss\n0,1.25\n1,0.75\n",
    "log.csv": "step,loss,note\n" + "".join(f"{i},{i/7:.6f},{'warmup' if i % 4 == 0 else ''}\n" for i in range(24)),
}.items():
    put("csv", file, text)

# .npy: versions 1-3, every dtype read, Fortran order, and the errors (big-endian, truncated, 3-D).
def npy(descr, shape, payload, fortran=False, major=1):
    header = "{'descr': '%s', 'fortran_order': %s, 'shape': %s, }" % (
        descr, "True" if fortran else "False", "(%s,)" % shape[0] if len(shape) == 1 else str(tuple(shape)))
    length_size = 2 if major == 1 else 4
    pad = (-(10 + (length_size - 2) + len(header) + 1)) % 64
    header = (header + " " * pad + "\n").encode("latin1" if major < 3 else "utf8")
    length = struct.pack("<H" if major == 1 else "<I", len(header))
    return b"\x93NUMPY" + bytes([major, 0]) + length + header + payload

put("npy", "f8-1d.npy", npy("<f8", (3,), struct.pack("<3d", 0.5, -1.0, 1e300)))
put("npy", "f4-2d.npy", npy("<f4", (2, 2), struct.pack("<4f", 1, 2, 3, float("nan"))))
put("npy", "i8-fortran.npy", npy("<i8", (2, 3), struct.pack("<6q", 1, 2, 3, 4, 5, -6), fortran=True))
put("npy", "i4-v2.npy", npy("<i4", (2,), struct.pack("<2i", 7, -7), major=2))
put("npy", "i2-v3.npy", npy("<i2", (1, 2), struct.pack("<2h", 300, -300), major=3))
put("npy", "i1.npy", npy("|i1", (2,), b"\x80\x7f"))
put("npy", "u1.npy", npy("|u1", (2,), b"\x00\xff"))
put("npy", "b1.npy", npy("|b1", (3,), b"\x00\x01\x02"))
put("npy", "big-endian.npy", npy(">f8", (1,), struct.pack(">d", 1.0)))
put("npy", "truncated.npy", npy("<f8", (4,), struct.pack("<2d", 1, 2)))
put("npy", "three-d.npy", npy("<f8", (1, 1, 1), struct.pack("<d", 1.0)))

# The manifest: the report's own (a few of its entries), and edge cases.
entries = [
    ('charts/hinge.svg', 42874, "4c0907bb0eefa7b0d2a730112d9e5ddfc9632cb62afc799743de52c1c33c4ab6", "hinge", "svg"),
    ('charts/huber.png', 81453, "078d7799f94ce13ffbf92c4b3f2abc0a59ae5e93fa01a1f4acdd8d3a88106ede", "huber", "png"),
    ('index.html', 83594, "7bc6097463cf55b6e06caa926c4ac0e987949f162a4c5fa70f500d5749c5780c", None, None),
    ('style.css', 6930, "193f254bbd3e16e84b7e6456c3eb5243c543ec40e86fc0861eb41d1275b8ec22", None, None),
]
def manifest(files, epoch="null", language="uk", self_contained="false", generator="lossplot report"):
    out = '{\n  "generator": "%s",\n  "version": "0.1.0",\n  "sourceDateEpoch": %s,\n  "language": "%s",\n  "selfContained": %s,\n  "files": [' % (
        generator, epoch, language, self_contained)
    for i, (path, size, sha, scenario, fmt) in enumerate(files):
        out += ("\n" if i == 0 else ",\n") + '    {"path": "%s", "bytes": %d, "sha256": "%s"' % (path, size, sha)
        if scenario: out += ', "scenario": "%s"' % scenario
        if fmt: out += ', "format": "%s"' % fmt
        out += "}"
    return out + ("]\n}\n" if not files else "\n  ]\n}\n")
put("manifest", "report.json", manifest(entries))
put("manifest", "empty.json", manifest([], epoch="1700000000", language="en", self_contained="true"))
put("manifest", "escapes.json", manifest([("charts/\\u00e9\\t\\\"x\\\".png", 1, "00", "\\u0000", "png")]))
put("manifest", "unsafe-path.json", manifest([("../etc/passwd", 1, "00", None, None)]))
put("manifest", "twice.json", manifest([entries[0], entries[0]]))
put("manifest", "other-generator.json", manifest(entries[:1], generator="someone else"))
put("manifest", "missing-key.json", '{"generator": "lossplot report", "files": []}\n')

# PNG: tiny images of every colour type, bit depth 1 to 16, palette with transparency, Adam7.
def png(width, height, color_type, bit_depth, rows, palette=None, trns=None, interlace=0):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, bit_depth, color_type, 0, 0, interlace))
    if palette: out += chunk(b"PLTE", palette)
    if trns: out += chunk(b"tRNS", trns)
    return out + chunk(b"IDAT", zlib.compress(b"".join(b"\x00" + r for r in rows))) + chunk(b"IEND", b"")
put("png", "rgba-1x1.png", png(1, 1, 6, 8, [b"\x10\x20\x30\x80"]))
put("png", "rgb-2x2.png", png(2, 2, 2, 8, [b"\xff\x00\x00\x00\xff\x00", b"\x00\x00\xff\xff\xff\xff"]))
put("png", "gray-3x1.png", png(3, 1, 0, 8, [b"\x00\x80\xff"]))
put("png", "gray1-8x2.png", png(8, 2, 0, 1, [b"\xaa", b"\x55"]))
put("png", "gray-alpha-2x1.png", png(2, 1, 4, 8, [b"\x40\x00\xc0\xff"]))
put("png", "palette-trns-2x2.png", png(2, 2, 3, 2, [b"\x1b", b"\xe4"], palette=b"\x00\x00\x00\xff\x00\x00\x00\xff\x00\x00\x00\xff", trns=b"\x00\x80"))
put("png", "rgb16-1x2.png", png(1, 2, 2, 16, [b"\xff\xff\x00\x00\x12\x34", b"\x00\x01\x80\x00\xff\xfe"]))
put("png", "adam7-3x3.png", png(3, 3, 0, 8, [b"\x01", b"\x02", b"\x03\x04", b"\x05", b"\x06", b"\x07\x08\x09"], interlace=1))
put("png", "truncated.png", png(4, 4, 6, 8, [b"\x00" * 16] * 4)[:60])

# Templates: the report's own page and partials as one input (style.css left to the harness),
# and small sets: every tag kind, a missing partial, a parse error.
templates = pathlib.Path(__file__).resolve().parent.parent / "Templates"
marker = "\n--8<-- "
report = (templates / "page.mustache").read_text()
for partial in sorted((templates / "partials").glob("*.mustache")):
    report += marker + "partials/" + partial.stem + "\n" + partial.read_text()
put("templates", "report.txt", report)
put("templates", "tags.txt", "{{! comment }}<p>{{title}} {{{lead}}} {{&footer}}</p>{{#sections}}{{>partials/s}}{{/sections}}{{^toc}}none{{/toc}}"
    "{{=<% %>=}}<% lang %><%={{ }}=%>" + marker + "partials/s\n<h2>{{title}}</h2>{{#blocks}}{{{paragraphHtml}}}{{/blocks}}"
    + marker + "style.css\nbody { color: red }\n")
put("templates", "missing-partial.txt", "<p>{{> partials/nowhere}}</p>\n")
put("templates", "parse-error.txt", "{{#sections}}<p>{{/toc}}\n")

# JSON Lines: the RunLogs tests' logs.
for file, text in {
    "steps.jsonl": '{"step": 10, "epoch": 0.5, "loss": 0.75, "lr": 0.1, "wall_time": 1700000000.25}\n'
                   '{"step": 20, "epoch": 1.0, "loss": NaN, "mode": "train", "ok": true}\n'
                   '{"step": 30, "val": {"acc": 0.9}, "loss": Infinity}\n',
    "epochs-crlf.jsonl": '{"epoch": 1, "loss": 2}\r\n{"epoch": 2, "loss": 1}\r\n',
    "bom-no-step.jsonl": '\ufeff{"loss": 3}\n{"loss": 2}\n',
    "incomplete.jsonl": '{"step": 1, "loss": 2}\n{"step": 2, "lo',
    "not-object.jsonl": '{"step": 1}\n[1, 2]\n{"step": 3}\n',
    "fractional-step.jsonl": '{"step": 1.5, "loss": 1}\n{"iter": 1e300, "loss": 1}\n',
    "mmengine.jsonl": '{"lr": 0.0001, "data_time": 0.01, "loss": 1.5, "time": 0.3, "iter": 50, "memory": 1024, "step": 50}\n'
                      '{"coco/bbox_mAP": 0.123, "data_time": 0.02, "time": 0.1, "step": 1}\n',
}.items():
    put("jsonl", file, text)

# Losses: the harness's byte stream (loss, flags, columns-1, rows-1, one byte per option, then
# numbers: a byte below 0x80 picks one of the harness's notable values). One valid-looking seed per
# loss, in LossName's order with its number of options.
options = {"mse": 0, "mae": 0, "huber": 1, "log-cosh": 0, "quantile": 1, "combined": 1, "mse-penalty": 1,
           "bce": 2, "cce": 2, "sparse-cce": 2, "hinge": 0, "squared-hinge": 0, "focal": 4,
           "contrastive": 1, "triplet": 1}
# notable values 0 (0.0), 2 (1.0), 8 (0.5), 9 (0.25), 10 (0.75), 11 (0.1), 12 (0.9), 4 (2.0)
pattern = bytes([2, 8, 0, 9, 2, 10, 0, 11, 2, 12, 0, 8, 4, 9, 2, 10, 0, 12, 2, 11, 0, 8, 2, 9])
for index, (loss, count) in enumerate(options.items()):
    put("losses", loss + ".bin", bytes([index, 0x04 | index % 4, 1, 2]) + bytes(count) + pattern)
