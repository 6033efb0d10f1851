//===- unit/Support/LineIndexTest.cpp
//--------------------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Support/LineIndex.h"

#include <gtest/gtest.h>

using namespace claimlint;

namespace {

TEST(LineIndex, LinesEndAtLfCrlfAndLoneCr) {
  LineIndex L("a\nb\r\nc\rd");
  EXPECT_EQ(L.lineCount(), 4u);
  EXPECT_EQ(L.lineText(1), "a");
  EXPECT_EQ(L.lineText(2), "b");
  EXPECT_EQ(L.lineText(3), "c");
  EXPECT_EQ(L.lineText(4), "d");
  EXPECT_EQ(L.position(5).Line, 3u); // 'c'
  EXPECT_EQ(L.position(5).Column, 1u);
}

TEST(LineIndex, ColumnsInBytesUtf16AndCodePoints) {
  // "a" U+10400 (4 bytes, 2 UTF-16 units) "b"
  std::string S = "a\xF0\x90\x90\x80"
                  "b";
  LineIndex L(S);
  size_t B = S.find('b');
  EXPECT_EQ(L.position(B, ColumnUnit::Byte).Column, 6u);
  EXPECT_EQ(L.position(B, ColumnUnit::Utf16).Column, 4u);
  EXPECT_EQ(L.position(B, ColumnUnit::CodePoint).Column, 3u);
  EXPECT_EQ(L.offset(1, 4, ColumnUnit::Utf16), B);
  EXPECT_EQ(L.offset(1, 3, ColumnUnit::CodePoint), B);
  // Inside a surrogate pair: stays before the character.
  EXPECT_EQ(L.offset(1, 3, ColumnUnit::Utf16), 1u);
}

TEST(LineIndex, InvalidUtf8CountsOneUnitPerByte) {
  std::string S = "\xC3(\xFFx";
  LineIndex L(S);
  EXPECT_EQ(L.position(3, ColumnUnit::Utf16).Column, 4u);
  EXPECT_EQ(utf8SequenceLength("\xE2\x80"), 1u);     // truncated sequence
  EXPECT_EQ(utf8SequenceLength("\xED\xA0\x80"), 1u); // surrogate
  EXPECT_EQ(utf8SequenceLength("\xE2\x80\x99"), 3u);
}

TEST(LineIndex, EmptyTextAndEmptyLastLine) {
  LineIndex E("");
  EXPECT_EQ(E.lineCount(), 1u);
  EXPECT_EQ(E.position(0).Line, 1u);
  LineIndex L("x\n");
  EXPECT_EQ(L.lineCount(), 2u);
  EXPECT_EQ(L.position(2).Line, 2u);
  EXPECT_EQ(L.position(99).Line, 2u); // clamped
  EXPECT_EQ(L.lineText(2), "");
}

} // namespace
