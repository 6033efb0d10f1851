//===- Support/LineIndex.h - Byte offsets to lines and columns --*- C++ -*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The one place where byte offsets become lines and columns. Lines end at
/// "\n", "\r\n" or a lone "\r". Columns come in three units: bytes (clang
/// style, JSON output), UTF-16 code units (LSP default, SARIF) and code points.
/// Invalid UTF-8 counts one unit per byte, so positions never shift.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_SUPPORT_LINEINDEX_H
#define CLAIMLINT_SUPPORT_LINEINDEX_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <vector>

namespace claimlint {

enum class ColumnUnit { Byte, Utf16, CodePoint };

class LineIndex {
public:
  /// Indexes \p Text, which must outlive this object.
  explicit LineIndex(llvm::StringRef Text);

  /// 1-based line and column.
  struct Position {
    unsigned Line = 1;
    unsigned Column = 1;
    bool operator==(const Position &O) const {
      return Line == O.Line && Column == O.Column;
    }
  };

  /// The 1-based line and 1-based column of \p Offset (clamped to the text).
  Position position(size_t Offset, ColumnUnit Unit = ColumnUnit::Byte) const;

  /// The byte offset of a 1-based line and 1-based column in \p Unit; columns
  /// past the end of the line clamp to its end (before the line break).
  size_t offset(unsigned Line, unsigned Column,
                ColumnUnit Unit = ColumnUnit::Byte) const;

  /// The text of 1-based \p Line without its line break.
  llvm::StringRef lineText(unsigned Line) const;

  /// Byte offset where 1-based \p Line starts.
  size_t lineStart(unsigned Line) const;

  unsigned lineCount() const { return static_cast<unsigned>(Starts.size()); }

  llvm::StringRef text() const { return Text; }

private:
  llvm::StringRef Text;
  std::vector<uint32_t> Starts; // byte offset of each line's first byte
};

/// Length in bytes of the UTF-8 sequence starting at \p Text[0], or 1 if it is
/// not a valid sequence (so invalid bytes count one each).
unsigned utf8SequenceLength(llvm::StringRef Text);

/// Number of \p Unit units in \p Text.
size_t countUnits(llvm::StringRef Text, ColumnUnit Unit);

} // namespace claimlint

#endif // CLAIMLINT_SUPPORT_LINEINDEX_H
