import { describe, expect, it } from "vitest";
import { JsonlError, parseRecord, withText } from "../../src/io/jsonl.js";

describe("JSONL records", () => {
  it("splices the cleaned text in and leaves every other byte as it came", () => {
    const raw = '{"id": 7, "n":1.50, "text" : "a\\nb\\u00e9", "meta":{"text":"inner"},"z":[1,{"t":"]"}]}';
    const rec = parseRecord(raw, "text");
    expect(rec.value.text).toBe("a\nbé");
    expect(withText(rec, "clean")).toBe('{"id": 7, "n":1.50, "text" : "clean", "meta":{"text":"inner"},"z":[1,{"t":"]"}]}');
  });

  it("finds the field when it comes last, and after strings holding braces and quotes", () => {
    const raw = '{"a":"}{\\"text\\":","text":"x"}';
    expect(withText(parseRecord(raw, "text"), "y")).toBe('{"a":"}{\\"text\\":","text":"y"}');
  });

  it("takes the last of duplicate keys, as JSON.parse does", () => {
    const raw = '{"text":"first","text":"second"}';
    const rec = parseRecord(raw, "text");
    expect(rec.value.text).toBe("second");
    expect(withText(rec, "z")).toBe('{"text":"first","text":"z"}');
  });

  it.each([
    ['{"text": "unterminated', /malformed JSON/],
    ['[1, 2]', /expected a JSON object/],
    ['"just a string"', /expected a JSON object/],
    ['{"body": "x", "id": 1}', /no "text" field \(fields: "body", "id"\); choose one with --text-field/],
    ['{"text": 42}', /field "text" is a number, expected a string/],
    ['{"text": null}', /field "text" is null, expected a string/],
  ])("rejects %s saying what is wrong", (raw, message) => {
    expect(() => parseRecord(raw, "text")).toThrow(JsonlError);
    expect(() => parseRecord(raw, "text")).toThrow(message);
  });
});
