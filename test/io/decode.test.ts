import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { binaryReason, decodeDocument, encodingName, FALLBACK_ENCODING, utf8ErrorOffset, type Decoded } from "../../src/io/decode.js";
import { cleanText } from "../../src/index.js";
import { TEXTS, type LegacyEncoding } from "../helpers/texts.js";

function decoded(bytes: Uint8Array, forced?: string): Decoded {
  const d = decodeDocument(bytes, forced);
  if ("binary" in d) throw new Error(`unexpectedly binary: ${d.binary}`);
  return d;
}

describe("legacy encodings are detected and clean like their UTF-8 originals", () => {
  for (const [encoding, text] of Object.entries(TEXTS) as [LegacyEncoding, string][]) {
    it(encoding, () => {
      const bytes = iconv.encode(text, encoding);
      expect(iconv.decode(bytes, encoding)).toBe(text); // the fixture is representable
      const d = decoded(bytes);
      expect(d.encoding).toBe(encoding);
      expect(d.how).toBe("detected");
      expect(d.replaced).toBe(0);
      expect(d.text).toBe(text);
      expect(cleanText(d.text)).toBe(cleanText(text));
    });
  }
});

describe("decodeDocument", () => {
  it("reads valid UTF-8 as UTF-8", () => {
    const d = decoded(Buffer.from(TEXTS["koi8-r"]));
    expect([d.encoding, d.how, d.replaced]).toEqual(["utf-8", "utf-8", 0]);
  });

  it("drops UTF-8, UTF-16LE and UTF-16BE byte-order marks", () => {
    const text = "Grüße, мир, 世界\n";
    expect(decoded(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toMatchObject({ text, encoding: "utf-8", how: "bom" });
    expect(decoded(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]))).toMatchObject({ text, encoding: "utf-16le", how: "bom" });
    const be = Buffer.from(text, "utf16le").swap16();
    expect(decoded(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toMatchObject({ text, encoding: "utf-16be", how: "bom" });
  });

  it("keeps mostly-UTF-8 text as UTF-8 and counts the replaced bytes", () => {
    const bytes = Buffer.concat([Buffer.from(TEXTS["windows-1252"]), Buffer.from([0xe9, 0x0a]), Buffer.from("Fin de l'article. Été.\n")]);
    const d = decoded(bytes);
    expect([d.encoding, d.how, d.replaced]).toEqual(["utf-8", "mostly-utf-8", 1]);
    expect(d.text).toContain("réuni");
    expect(d.text).toContain("\uFFFD\n");
  });

  it("falls back to windows-1252 when the detector is not confident", () => {
    const d = decoded(Buffer.from([0x63, 0x61, 0x66, 0xe9])); // "café" in Latin-1, too short to detect
    expect([d.text, d.encoding, d.how]).toEqual(["café", FALLBACK_ENCODING, "fallback"]);
  });

  it("decodes with a forced encoding, replacing and counting what is not valid in it", () => {
    const d = decoded(iconv.encode(TEXTS["koi8-r"], "koi8-r"), "koi8-r");
    expect([d.how, d.text]).toEqual(["forced", TEXTS["koi8-r"]]);
    const bad = decoded(Buffer.from([0x61, 0xff, 0x62]), "utf-8");
    expect([bad.text, bad.replaced]).toEqual(["a\uFFFDb", 1]);
  });

  it("knows the WHATWG names of encoding labels", () => {
    expect(encodingName("latin1")).toBe("windows-1252");
    expect(encodingName("KOI8-R")).toBe("koi8-r");
    expect(encodingName("cp1256")).toBe("windows-1256");
    expect(encodingName("no-such")).toBeUndefined();
  });
});

describe("binary data", () => {
  it("is a NUL within the first 8000 bytes", () => {
    expect(binaryReason(Buffer.from("abc\0def"))).toBe("binary data (NUL byte at offset 3)");
    const late = Buffer.alloc(7999, 0x61);
    expect(binaryReason(Buffer.concat([late, Buffer.from([0])]))).toBe("binary data (NUL byte at offset 7999)");
  });

  it("is not a stray NUL late in a long text (at most 1 in 1000 bytes)", () => {
    const text = Buffer.alloc(20_000, 0x61);
    text[10_000] = 0;
    expect(binaryReason(text)).toBeUndefined();
    for (let i = 10_000; i < 10_030; i++) text[i] = 0; // 30 > 20 = 0.1% of 20000
    expect(binaryReason(text)).toBe("binary data (30 NUL bytes, the first at offset 10000)");
  });

  it("is UTF-32 (not read: TextDecoder has no UTF-32), with a hint to convert it", () => {
    const le = Buffer.from([0xff, 0xfe, 0, 0, 0x68, 0, 0, 0]);
    expect(decodeDocument(le)).toEqual({ binary: "UTF-32 text (byte-order mark), which winnow does not read; convert it first: iconv -f UTF-32 -t UTF-8" });
    expect("binary" in decodeDocument(Buffer.from([0, 0, 0xfe, 0xff, 0, 0, 0, 0x68]))).toBe(true);
  });

  it("is not text in UTF-16 with a byte-order mark", () => {
    expect("binary" in decodeDocument(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("hi", "utf16le")]))).toBe(false);
  });
});

describe("utf8ErrorOffset", () => {
  it("finds the first invalid byte, or -1", () => {
    expect(utf8ErrorOffset(Buffer.from("héllo"))).toBe(-1);
    expect(utf8ErrorOffset(Buffer.from([0x61, 0x62, 0xc3]))).toBe(2); // cut sequence
    expect(utf8ErrorOffset(Buffer.from([0x61, 0xed, 0xa0, 0x80]))).toBe(1); // surrogate
    expect(utf8ErrorOffset(Buffer.from([0xc0, 0xaf]))).toBe(0); // overlong
    expect(utf8ErrorOffset(Buffer.from([0x61, 0xf4, 0x90, 0x80, 0x80]))).toBe(1); // > U+10FFFF
  });
});
