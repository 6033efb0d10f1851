//===- LSP/Position.h - LSP positions at the edge ----------------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Inside the server every position is a byte offset into the document, as
/// in the engine. LSP positions (0-based line, character in the negotiated
/// encoding) exist only in messages; these functions convert at that edge,
/// through Support/LineIndex, and apply didChange edits.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_LSP_POSITION_H
#define CLAIMLINT_LSP_POSITION_H

#include "Support/LineIndex.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Optional.h"

#include <string>

#include "LSP/Json.h"

namespace claimlint {
namespace lsp {

/// What LSP "character" counts. The server offers utf-8 when the client
/// lists it and utf-16 (the protocol's default) otherwise.
enum class PositionEncoding { Utf8, Utf16 };

llvm::StringRef encodingName(PositionEncoding E);
ColumnUnit columnUnit(PositionEncoding E);

/// Picks the encoding from the client's general.positionEncodings.
PositionEncoding negotiateEncoding(const json &ClientCapabilities);

struct Position {
  int64_t Line = 0;      ///< 0-based
  int64_t Character = 0; ///< 0-based, in the negotiated unit
  bool operator==(const Position &O) const {
    return Line == O.Line && Character == O.Character;
  }
};

struct Range {
  Position Start, End;
};

Position toPosition(const LineIndex &Lines, size_t Offset, PositionEncoding E);
/// The byte offset of \p P: a character past the end of its line clamps to
/// the line's end, a line past the last to the end of the text, and a
/// position inside a character (a surrogate pair or a UTF-8 sequence) rounds
/// down to the character's start.
size_t toOffset(const LineIndex &Lines, Position P, PositionEncoding E);

json toJson(const Position &P);
json toJson(const Range &R);
/// The range of bytes [Begin, End) of the indexed text.
json rangeJson(const LineIndex &Lines, size_t Begin, size_t End,
               PositionEncoding E);

llvm::Optional<Position> parsePosition(const json &V);
llvm::Optional<Range> parseRange(const json &V);

/// One entry of didChange's contentChanges: a range edit, or the whole text
/// when Range is None.
struct ContentChange {
  llvm::Optional<Range> Where;
  std::string Text;
};

/// Applies \p Changes in order, each to the text the previous one produced.
void applyChanges(std::string &Text, llvm::ArrayRef<ContentChange> Changes,
                  PositionEncoding E);

} // namespace lsp
} // namespace claimlint

#endif // CLAIMLINT_LSP_POSITION_H
