import { describe, expect, it } from "vitest";
import { typedTextProblem } from "./typed-text";

describe("typedTextProblem", () => {
  it("accepts ordinary text in every script, new lines, tabs and emoji", () => {
    for (const text of ["", "Quá chật", "尺码太小", "line one\r\nline two\tend", "📦".repeat(15)]) expect(typedTextProblem(text, 30)).toBeNull();
  });

  it("refuses NUL, other C0 controls, DEL and C1 controls", () => {
    for (const text of ["a\u0000b", "\u0001", "\u001B[31m", "x\u007F", "\u0085", "\u009F"]) expect(typedTextProblem(text, 100)).toBe("CONTROL_CHARACTER");
  });

  it("refuses a lone high or low surrogate, accepts a pair", () => {
    expect(typedTextProblem("a\ud800", 100)).toBe("LONE_SURROGATE");
    expect(typedTextProblem("\udc00b", 100)).toBe("LONE_SURROGATE");
    expect(typedTextProblem("\ud83d\udce6", 100)).toBeNull();
  });

  it("refuses text longer than the limit", () => {
    expect(typedTextProblem("x".repeat(11), 10)).toBe("TOO_LONG");
    expect(typedTextProblem("x".repeat(100_000), 300)).toBe("TOO_LONG");
  });
});
