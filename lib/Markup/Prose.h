//===- Markup/Prose.h - Normalised prose with an offset map -----*- C++ -*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A reader (plain text, Markdown, HTML) turns a file into Prose: the text a
/// reader of the page sees, normalised for matching, with a map from every
/// prose byte back to the byte of the original file it came from.
///
/// Normalisation: runs of white space (including line breaks inside a block,
/// no-break and typographic spaces) become one space; curly quotes become
/// straight ones; typographic hyphens become '-'; soft hyphens and zero-width
/// spaces vanish. Blocks (paragraphs, headings, list items, table cells, ...)
/// are separated by a single '\n', which appears nowhere else in the prose, so
/// no match and no sentence crosses a block boundary.
///
/// The engine matches and segments the prose; every position it reports goes
/// back through toOriginal(). Positions in the prose are never reported.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_MARKUP_PROSE_H
#define CLAIMLINT_MARKUP_PROSE_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace claimlint {

/// A half-open byte range [Begin, End).
struct Range {
  uint32_t Begin = 0;
  uint32_t End = 0;
  uint32_t size() const { return End - Begin; }
  bool contains(uint32_t Offset) const {
    return Offset >= Begin && Offset < End;
  }
  bool operator==(const Range &O) const {
    return Begin == O.Begin && End == O.End;
  }
  bool operator<(const Range &O) const {
    return Begin != O.Begin ? Begin < O.Begin : End < O.End;
  }
};

enum class BlockKind : uint8_t {
  Paragraph,
  Heading,
  ListItem,
  TableCell,
  BlockQuote,
  Title,       ///< front matter / <title> / og:title
  Description, ///< front matter / meta description
  AltText,     ///< image alt text
  Other,
};

llvm::StringRef blockKindName(BlockKind K);

/// One block of prose; Begin/End are prose offsets (End excludes the '\n').
struct Block {
  BlockKind Kind = BlockKind::Paragraph;
  Range Text;
};

/// A comment in the source (<!-- ... -->), for directives. Offsets are into
/// the original file; Body is the text between the delimiters, untrimmed.
struct Comment {
  Range Source;
  Range Body;
};

class Prose {
public:
  /// The normalised prose. Blocks are separated by '\n'.
  const std::string &text() const { return Text; }
  const std::vector<Block> &blocks() const { return Blocks; }
  const std::vector<Comment> &comments() const { return Comments; }

  /// Maps a prose range to the original file. A range that starts or ends
  /// inside a replaced piece (an entity, a curly quote) widens to the whole
  /// piece, so a reported span always covers whole source characters.
  Range toOriginal(Range R) const;

  /// The first prose offset whose source is at or after \p Orig.
  uint32_t fromOriginal(uint32_t Orig) const;

  /// One step of the map: prose [Prose, Prose+ProseLen) came from original
  /// [Orig, Orig+OrigLen); Verbatim pieces map byte for byte.
  struct Piece {
    uint32_t Prose;
    uint32_t Orig;
    uint32_t ProseLen;
    uint32_t OrigLen;
    bool Verbatim;
  };
  const std::vector<Piece> &pieces() const { return Pieces; }

private:
  friend class ProseBuilder;
  uint32_t mapBegin(uint32_t P) const;
  uint32_t mapEnd(uint32_t P) const;

  std::string Text;
  std::vector<Block> Blocks;
  std::vector<Comment> Comments;
  std::vector<Piece> Pieces; // sorted by Prose, and by Orig
};

/// Builds Prose in document order. Readers call beginBlock, then any number of
/// addText/addReplacement/addBreak, then endBlock. Empty blocks are dropped.
class ProseBuilder {
public:
  /// \p Original is the whole file; it must outlive the builder.
  explicit ProseBuilder(llvm::StringRef Original);

  void beginBlock(BlockKind Kind);
  /// Adds original bytes [Begin, End), normalised.
  void addText(uint32_t Begin, uint32_t End);
  /// Adds \p Text standing for original bytes [Begin, End) (a decoded entity).
  /// The replacement is normalised too (an &nbsp; becomes a space).
  void addReplacement(llvm::StringRef Text, uint32_t Begin, uint32_t End);
  /// Adds a word break (a soft line break) at original offset \p At.
  void addSpace(uint32_t At);
  void endBlock();
  bool inBlock() const { return InBlock; }

  void addComment(Comment C) { Out.Comments.push_back(C); }

  Prose take();

private:
  void emit(llvm::StringRef S, uint32_t OrigBegin, uint32_t OrigLen,
            bool Verbatim);
  void emitSpace(uint32_t OrigBegin, uint32_t OrigLen);

  llvm::StringRef Original;
  Prose Out;
  bool InBlock = false;
  BlockKind Kind = BlockKind::Paragraph;
  uint32_t BlockStart = 0;
};

/// If \p S starts with a character that normalisation changes, returns its
/// byte length and sets \p Replacement ("" for characters that vanish, " " for
/// spaces); returns 0 when the first character is kept as it is.
unsigned normalisedPrefix(llvm::StringRef S, llvm::StringRef &Replacement);

} // namespace claimlint

#endif // CLAIMLINT_MARKUP_PROSE_H
