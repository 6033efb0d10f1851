//===- Markup/MarkdownReader.cpp - Markdown reader on md4c ----------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// md4c hands every run of normal text, entity, code and raw HTML to the text
// callback as a pointer into our buffer, so `ptr - input` is an exact byte
// offset (see docs: integrations §5.3). Line breaks arrive as static strings
// outside the buffer and are handled by type. Nothing here copies text out of
// the buffer except decoded entities, which ProseBuilder maps back to their
// whole raw span.
//
// Front matter is read by hand before md4c sees the rest of the file; md4c
// would otherwise read "---" as a thematic break or a setext underline.
//
//===----------------------------------------------------------------------===//

#include "Markup/Reader.h"

#include "llvm/ADT/StringExtras.h"

#include <md4c.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

namespace claimlint {
namespace {

//===----------------------------------------------------------------------===//
// Front matter
//===----------------------------------------------------------------------===//

struct Line {
  uint32_t Begin; ///< first byte
  uint32_t End;   ///< before "\n" or "\r\n"
  uint32_t Next;  ///< first byte of the next line
};

Line lineAt(llvm::StringRef Text, uint32_t Pos) {
  size_t NL = Text.find('\n', Pos);
  auto Size = static_cast<uint32_t>(Text.size());
  uint32_t End = NL == llvm::StringRef::npos ? Size : static_cast<uint32_t>(NL);
  uint32_t Next = NL == llvm::StringRef::npos ? Size : End + 1;
  if (End > Pos && Text[End - 1] == '\r')
    --End;
  return {Pos, End, Next};
}

bool isIndented(llvm::StringRef Text, const Line &L) {
  return L.End > L.Begin && (Text[L.Begin] == ' ' || Text[L.Begin] == '\t');
}

bool isBlank(llvm::StringRef Text, const Line &L) {
  return Text.slice(L.Begin, L.End).trim(" \t").empty();
}

/// Reads the `title` and `description` values of YAML (---) or TOML (+++)
/// front matter into Title and Description blocks.
class FrontMatterReader {
public:
  FrontMatterReader(llvm::StringRef Text, ProseBuilder &B) : Text(Text), B(B) {}

  /// If front matter starts at \p Start, reads it and returns the offset just
  /// after its closing line; otherwise returns \p Start.
  uint32_t read(uint32_t Start);

private:
  uint32_t value(size_t Index, uint32_t At, BlockKind Kind);
  uint32_t quoted(uint32_t Open, llvm::StringRef Delim);
  void continuation(size_t Index);

  llvm::StringRef Text;
  ProseBuilder &B;
  bool Toml = false;
  std::vector<Line> Body;
};

uint32_t FrontMatterReader::read(uint32_t Start) {
  Line First = lineAt(Text, Start);
  llvm::StringRef Fence = Text.slice(First.Begin, First.End).rtrim(" \t");
  if (Fence != "---" && Fence != "+++")
    return Start;
  Toml = Fence == "+++";
  uint32_t After = 0;
  for (uint32_t Pos = First.Next; Pos < Text.size();) {
    Line L = lineAt(Text, Pos);
    llvm::StringRef S = Text.slice(L.Begin, L.End).rtrim(" \t");
    if (S == Fence || (!Toml && S == "...")) {
      After = L.Next;
      break;
    }
    Body.push_back(L);
    Pos = L.Next;
  }
  if (After == 0)
    return Start; // Never closed: not front matter.

  // The end of the last value read: a quoted value may span lines, and a
  // line inside it is not a key of its own.
  uint32_t ValueEnd = 0;
  for (size_t I = 0; I < Body.size(); ++I) {
    if (Body[I].Begin < ValueEnd)
      continue;
    llvm::StringRef S = Text.slice(Body[I].Begin, Body[I].End);
    if (Toml && S.startswith("["))
      break; // Keys after a [table] header are not the page's own.
    BlockKind Kind;
    size_t KeyLen;
    if (S.startswith_insensitive("title")) {
      Kind = BlockKind::Title;
      KeyLen = 5;
    } else if (S.startswith_insensitive("description")) {
      Kind = BlockKind::Description;
      KeyLen = 11;
    } else {
      continue;
    }
    llvm::StringRef Rest = S.drop_front(KeyLen);
    if (Toml) {
      Rest = Rest.ltrim(" \t");
      if (!Rest.consume_front("="))
        continue;
    } else {
      if (!Rest.consume_front(":") ||
          !(Rest.empty() || Rest[0] == ' ' || Rest[0] == '\t'))
        continue;
    }
    Rest = Rest.ltrim(" \t");
    ValueEnd = value(I, Body[I].End - static_cast<uint32_t>(Rest.size()), Kind);
  }
  return After;
}

/// Reads the value of the key on body line \p Index, which starts at \p At.
/// Returns where a quoted value ends (it may span lines), else \p At.
uint32_t FrontMatterReader::value(size_t Index, uint32_t At, BlockKind Kind) {
  llvm::StringRef V = Text.slice(At, Body[Index].End);
  uint32_t End = At;
  B.beginBlock(Kind);
  if (Toml && (V.startswith("\"\"\"") || V.startswith("'''"))) {
    End = quoted(At, V.take_front(3));
  } else if (V.startswith("\"") || V.startswith("'")) {
    End = quoted(At, V.take_front(1));
  } else if (!Toml && (V.startswith("|") || V.startswith(">"))) {
    continuation(Index); // A block scalar.
  } else {
    // A plain scalar; " #" starts a comment. It may go on over more indented
    // lines.
    size_t Hash = V.startswith("#") ? 0 : V.find(" #");
    llvm::StringRef Plain = V.take_front(Hash).rtrim(" \t");
    B.addText(At, At + static_cast<uint32_t>(Plain.size()));
    if (!Toml)
      continuation(Index);
  }
  B.endBlock();
  return End;
}

/// Adds the more-indented lines after body line \p Index: the content of a
/// block scalar, or the rest of a plain one. Blank lines inside are kept
/// going; the value ends at the next line that is not indented.
void FrontMatterReader::continuation(size_t Index) {
  for (size_t J = Index + 1; J < Body.size(); ++J) {
    const Line &L = Body[J];
    if (isBlank(Text, L))
      continue;
    if (!isIndented(Text, L))
      return;
    B.addSpace(L.Begin);
    B.addText(L.Begin, L.End);
  }
}

/// Adds a quoted value whose opening delimiter is at \p Open. Escapes map to
/// their raw spans; line breaks inside the value read as spaces. Returns the
/// offset of its closing delimiter (the end of the front matter if none).
uint32_t FrontMatterReader::quoted(uint32_t Open, llvm::StringRef Delim) {
  bool Double = Delim[0] == '"';
  uint32_t Limit = Body.back().End;
  auto DelimLen = static_cast<uint32_t>(Delim.size());
  uint32_t P = Open + DelimLen;
  uint32_t Run = P;
  auto Flush = [&](uint32_t To) {
    if (To > Run)
      B.addText(Run, To);
  };
  while (P < Limit) {
    llvm::StringRef Rest = Text.slice(P, Limit);
    if (Rest.startswith(Delim)) {
      // YAML writes a quote inside '...' as ''.
      if (!Double && DelimLen == 1 && !Toml && Rest.startswith("''")) {
        Flush(P);
        B.addReplacement("'", P, P + 2);
        P += 2;
        Run = P;
        continue;
      }
      break;
    }
    if (!Double || Rest[0] != '\\' || Rest.size() < 2) {
      ++P;
      continue;
    }
    Flush(P);
    std::string R;
    unsigned Len = 2;
    char E = Rest[1];
    unsigned Hex = E == 'x' ? 2 : E == 'u' ? 4 : E == 'U' ? 8 : 0;
    if (E == '"' || E == '\\' || E == '/' || E == '\'') {
      R = std::string(1, E);
    } else if (E == 'n' || E == 't' || E == 'r') {
      R = " ";
    } else if (E == '\n' ||
               (E == '\r' && Rest.drop_front(2).startswith("\n"))) {
      Len = E == '\n' ? 2 : 3; // An escaped line break joins the lines.
    } else if (Hex && Rest.size() >= 2 + Hex &&
               llvm::all_of(Rest.substr(2, Hex), llvm::isHexDigit)) {
      std::string Ref = "&#x" + Rest.substr(2, Hex).str() + ";";
      decodeCharacterReference(Ref, R, /*Html=*/false);
      Len = 2 + Hex;
    } else {
      R = Rest.take_front(2).str(); // Unknown escape: keep it as written.
    }
    B.addReplacement(R, P, P + Len);
    P += Len;
    Run = P;
  }
  Flush(P);
  return P;
}

//===----------------------------------------------------------------------===//
// The md4c walk
//===----------------------------------------------------------------------===//

/// Raw HTML elements whose content is not prose when they appear inline.
bool isInlineSkipped(llvm::StringRef Name) {
  for (const char *N : {"code", "kbd", "samp", "pre", "script", "style", "svg",
                        "math", "template", "textarea", "noscript"})
    if (Name.equals_insensitive(N))
      return true;
  return false;
}

class MarkdownReader {
public:
  explicit MarkdownReader(llvm::StringRef Text) : Text(Text), B(Text) {}

  Prose read();

private:
  /// A callback recorded inside link text, replayed unless the link turns
  /// out to be an autolink (its text is its URL).
  struct Event {
    enum { Text, EnterSpan, LeaveSpan } What;
    int Type;
    const MD_CHAR *Ptr;
    MD_SIZE Size;
  };

  static int onEnterBlock(MD_BLOCKTYPE Type, void *Detail, void *Self);
  static int onLeaveBlock(MD_BLOCKTYPE Type, void *Detail, void *Self);
  static int onEnterSpan(MD_SPANTYPE Type, void *Detail, void *Self);
  static int onLeaveSpan(MD_SPANTYPE Type, void *Detail, void *Self);
  static int onText(MD_TEXTTYPE Type, const MD_CHAR *Ptr, MD_SIZE Size,
                    void *Self);

  void enterBlock(MD_BLOCKTYPE Type);
  void leaveBlock(MD_BLOCKTYPE Type);
  void span(MD_SPANTYPE Type, bool Enter);
  void text(MD_TEXTTYPE Type, const MD_CHAR *Ptr, MD_SIZE Size);
  void normal(uint32_t Begin, uint32_t End);
  void emit(uint32_t Begin, uint32_t End);
  uint32_t commentEnd(uint32_t Open);
  void finishLink();
  void flushInlineHtml();

  BlockKind currentKind() const {
    if (ImageDepth > 0)
      return BlockKind::AltText;
    return Kinds.empty() ? BlockKind::Paragraph : Kinds.back();
  }
  void ensureBlock() {
    if (!B.inBlock())
      B.beginBlock(currentKind());
  }

  llvm::StringRef Text;
  ProseBuilder B;
  /// The kind each open md4c block gives its text (innermost last).
  std::vector<BlockKind> Kinds;
  unsigned CodeBlockDepth = 0;
  unsigned ImageDepth = 0;
  /// Open raw <code>/<kbd>/... tags inside the current block.
  unsigned InlineSkip = 0;

  bool InHtmlBlock = false;
  std::vector<Range> HtmlBlockPieces;
  std::vector<Range> PendingInlineHtml;

  unsigned LinkDepth = 0;
  std::string Href;
  std::vector<Event> LinkEvents;

  /// End of the last text run seen; soft breaks map to this point.
  uint32_t LastEnd = 0;
  /// Text before this offset was inside a comment md4c did not recognise.
  uint32_t SkipUntil = 0;
  bool InComment = false;
  /// The next "-->" and the next blank line after the last comment opening
  /// looked at (npos: none up to the end of the file).
  bool CachesValid = false;
  size_t ClosePos = llvm::StringRef::npos;
  size_t BlankPos = llvm::StringRef::npos;
};

int MarkdownReader::onEnterBlock(MD_BLOCKTYPE Type, void *, void *Self) {
  static_cast<MarkdownReader *>(Self)->enterBlock(Type);
  return 0;
}

int MarkdownReader::onLeaveBlock(MD_BLOCKTYPE Type, void *, void *Self) {
  static_cast<MarkdownReader *>(Self)->leaveBlock(Type);
  return 0;
}

int MarkdownReader::onEnterSpan(MD_SPANTYPE Type, void *Detail, void *Self) {
  auto *R = static_cast<MarkdownReader *>(Self);
  R->flushInlineHtml();
  if (Type == MD_SPAN_A) {
    if (R->LinkDepth++ == 0) {
      const auto *A = static_cast<const MD_SPAN_A_DETAIL *>(Detail);
      R->Href.assign(A->href.text, A->href.size);
      R->LinkEvents.clear();
    }
    return 0;
  }
  if (R->LinkDepth > 0)
    R->LinkEvents.push_back({Event::EnterSpan, Type, nullptr, 0});
  else
    R->span(Type, /*Enter=*/true);
  return 0;
}

int MarkdownReader::onLeaveSpan(MD_SPANTYPE Type, void *, void *Self) {
  auto *R = static_cast<MarkdownReader *>(Self);
  R->flushInlineHtml();
  if (Type == MD_SPAN_A) {
    if (R->LinkDepth > 0 && --R->LinkDepth == 0)
      R->finishLink();
    return 0;
  }
  if (R->LinkDepth > 0)
    R->LinkEvents.push_back({Event::LeaveSpan, Type, nullptr, 0});
  else
    R->span(Type, /*Enter=*/false);
  return 0;
}

int MarkdownReader::onText(MD_TEXTTYPE Type, const MD_CHAR *Ptr, MD_SIZE Size,
                           void *Self) {
  auto *R = static_cast<MarkdownReader *>(Self);
  if (R->LinkDepth > 0)
    R->LinkEvents.push_back({Event::Text, Type, Ptr, Size});
  else
    R->text(Type, Ptr, Size);
  return 0;
}

void MarkdownReader::enterBlock(MD_BLOCKTYPE Type) {
  flushInlineHtml();
  B.endBlock();
  InlineSkip = 0;
  InComment = false;
  BlockKind K = currentKind();
  switch (Type) {
  case MD_BLOCK_DOC:
    K = BlockKind::Paragraph;
    break;
  case MD_BLOCK_QUOTE:
    K = BlockKind::BlockQuote;
    break;
  case MD_BLOCK_LI:
    K = BlockKind::ListItem;
    break;
  case MD_BLOCK_H:
    K = BlockKind::Heading;
    break;
  case MD_BLOCK_TH:
  case MD_BLOCK_TD:
    K = BlockKind::TableCell;
    break;
  case MD_BLOCK_CODE:
    ++CodeBlockDepth;
    break;
  case MD_BLOCK_HTML:
    InHtmlBlock = true;
    HtmlBlockPieces.clear();
    break;
  default: // P and containers take the kind of the block around them.
    break;
  }
  Kinds.push_back(K);
}

void MarkdownReader::leaveBlock(MD_BLOCKTYPE Type) {
  flushInlineHtml();
  if (Type == MD_BLOCK_HTML && InHtmlBlock) {
    InHtmlBlock = false;
    readHtmlFragment(Text, HtmlBlockPieces, currentKind(), B);
    HtmlBlockPieces.clear();
  }
  if (Type == MD_BLOCK_CODE && CodeBlockDepth > 0)
    --CodeBlockDepth;
  B.endBlock();
  if (!Kinds.empty())
    Kinds.pop_back();
  InlineSkip = 0;
  InComment = false;
}

void MarkdownReader::span(MD_SPANTYPE Type, bool Enter) {
  if (Type == MD_SPAN_IMG) {
    // Alt text is a block of its own: it is not read as part of the
    // sentence around the image.
    if (Enter ? ImageDepth++ == 0 : (ImageDepth > 0 && --ImageDepth == 0))
      B.endBlock();
    return;
  }
  // Keep the words on either side of a skipped code span apart.
  if (Type == MD_SPAN_CODE && Enter && B.inBlock())
    B.addSpace(LastEnd);
}

void MarkdownReader::text(MD_TEXTTYPE Type, const MD_CHAR *Ptr, MD_SIZE Size) {
  // md4c passes BR, SOFTBR and NULLCHAR as static strings; only text that
  // lies inside our buffer has an offset.
  std::less_equal<const char *> LE;
  bool InBuffer =
      Size > 0 && LE(Text.begin(), Ptr) && LE(Ptr + Size, Text.end());
  uint32_t Begin = InBuffer ? static_cast<uint32_t>(Ptr - Text.data()) : 0;
  uint32_t End = Begin + (InBuffer ? Size : 0);

  if (Type != MD_TEXT_HTML)
    flushInlineHtml();
  if (CodeBlockDepth > 0)
    return;
  if (InHtmlBlock) {
    if (Type == MD_TEXT_HTML && InBuffer)
      HtmlBlockPieces.push_back({Begin, End});
    return;
  }
  switch (Type) {
  case MD_TEXT_NORMAL:
    if (InBuffer && InlineSkip == 0)
      normal(Begin, End);
    break;
  case MD_TEXT_ENTITY: {
    if (!InBuffer || InlineSkip > 0 || End <= SkipUntil)
      break;
    std::string Decoded;
    unsigned N = decodeCharacterReference(Text.slice(Begin, End), Decoded,
                                          /*Html=*/false);
    ensureBlock();
    if (N == Size)
      B.addReplacement(Decoded, Begin, End);
    else
      B.addText(Begin, End); // Not a known reference: literal text.
    LastEnd = End;
    break;
  }
  case MD_TEXT_HTML:
    if (InBuffer && End > SkipUntil) {
      PendingInlineHtml.push_back({std::max(Begin, SkipUntil), End});
      LastEnd = End;
    }
    break;
  case MD_TEXT_SOFTBR:
    if (B.inBlock() && InlineSkip == 0 && !InComment)
      B.addSpace(LastEnd);
    break;
  case MD_TEXT_BR:
    // A hard break is a segment break: the next text starts a new block of
    // the same kind.
    B.endBlock();
    break;
  case MD_TEXT_CODE:
    if (InBuffer)
      LastEnd = std::max(LastEnd, End);
    break;
  default: // NULLCHAR, LATEXMATH
    break;
  }
}

void MarkdownReader::emit(uint32_t Begin, uint32_t End) {
  if (Begin >= End)
    return;
  ensureBlock();
  B.addText(Begin, End);
  LastEnd = End;
}

/// The end of a comment opening at \p Open ("<!--") that md4c left as text
/// (CommonMark 0.29 rejects comments containing "--", such as directives
/// with a "-- reason"), or 0 when it is not closed before a blank line.
uint32_t MarkdownReader::commentEnd(uint32_t Open) {
  llvm::StringRef After = Text.substr(Open + 4);
  if (After.startswith(">"))
    return Open + 5;
  if (After.startswith("->"))
    return Open + 6;
  // Both searches are cached and only move forward, so finding many
  // comments stays linear in the file size.
  if (!CachesValid ||
      (ClosePos != llvm::StringRef::npos && ClosePos < Open + 4))
    ClosePos = Text.find("-->", Open + 4);
  if (!CachesValid || (BlankPos != llvm::StringRef::npos && BlankPos <= Open)) {
    BlankPos = llvm::StringRef::npos;
    for (size_t NL = Text.find('\n', Open); NL != llvm::StringRef::npos;
         NL = Text.find('\n', NL + 1)) {
      Line L = lineAt(Text, static_cast<uint32_t>(NL + 1));
      if (L.Begin < Text.size() && isBlank(Text, L)) {
        BlankPos = L.Begin;
        break;
      }
    }
  }
  CachesValid = true;
  if (ClosePos == llvm::StringRef::npos)
    return 0;
  if (BlankPos != llvm::StringRef::npos && BlankPos < ClosePos)
    return 0;
  return static_cast<uint32_t>(ClosePos + 3);
}

void MarkdownReader::normal(uint32_t Begin, uint32_t End) {
  if (End <= SkipUntil)
    return;
  Begin = std::max(Begin, SkipUntil);
  InComment = false;
  while (Begin < End) {
    size_t Found = Text.slice(Begin, End).find("<!--");
    if (Found == llvm::StringRef::npos)
      break;
    auto Open = static_cast<uint32_t>(Begin + Found);
    uint32_t Close = Open > 0 && Text[Open - 1] == '\\' ? 0 : commentEnd(Open);
    if (Close == 0) {
      emit(Begin, Open + 1);
      Begin = Open + 1;
      continue;
    }
    emit(Begin, Open);
    collectHtmlComments(Text, Open, Close, B);
    LastEnd = Close;
    if (Close > End) {
      SkipUntil = Close;
      InComment = true;
      return;
    }
    Begin = Close;
  }
  emit(Begin, End);
}

void MarkdownReader::finishLink() {
  std::vector<Event> Events;
  Events.swap(LinkEvents);
  std::string LinkText;
  bool Plain = !Events.empty();
  for (const Event &E : Events) {
    if (E.What != Event::Text || E.Type != MD_TEXT_NORMAL) {
      Plain = false;
      break;
    }
    LinkText.append(E.Ptr, E.Size);
  }
  // md4c adds a scheme to permissive autolinks ("www.x.org", "a@b.org").
  if (Plain &&
      (Href == LinkText || Href == "http://" + LinkText ||
       Href == "https://" + LinkText || Href == "mailto:" + LinkText)) {
    const Event &Last = Events.back();
    if (std::less_equal<const char *>()(Text.begin(), Last.Ptr) &&
        std::less_equal<const char *>()(Last.Ptr + Last.Size, Text.end()))
      LastEnd = static_cast<uint32_t>(Last.Ptr + Last.Size - Text.data());
    return;
  }
  for (const Event &E : Events) {
    if (E.What == Event::Text) {
      text(static_cast<MD_TEXTTYPE>(E.Type), E.Ptr, E.Size);
      continue;
    }
    flushInlineHtml();
    span(static_cast<MD_SPANTYPE>(E.Type), E.What == Event::EnterSpan);
  }
}

void MarkdownReader::flushInlineHtml() {
  if (PendingInlineHtml.empty())
    return;
  std::vector<Range> Pieces;
  Pieces.swap(PendingInlineHtml);
  llvm::StringRef Raw = Text.slice(Pieces.front().Begin, Pieces.back().End);
  // Raw <code>, <kbd>, ... tags hide the Markdown text between them.
  if (!Raw.startswith("<!--") && !Raw.rtrim().endswith("/>")) {
    bool Close = Raw.startswith("</");
    llvm::StringRef Name = Raw.drop_front(Close ? 2 : 1);
    Name = Name.take_while([](char C) { return llvm::isAlnum(C); });
    if (isInlineSkipped(Name)) {
      if (!Close)
        ++InlineSkip;
      else if (InlineSkip > 0)
        --InlineSkip;
    }
  }
  readHtmlFragment(Text, Pieces, currentKind(), B);
}

Prose MarkdownReader::read() {
  // md4c and our offsets are 32-bit; a larger file is read up to 4 GiB.
  auto Size = static_cast<uint32_t>(std::min<size_t>(Text.size(), UINT32_MAX));
  uint32_t Start = Text.startswith("\xEF\xBB\xBF") ? 3 : 0;
  Start = FrontMatterReader(Text.take_front(Size), B).read(Start);
  LastEnd = Start;
  if (Start < Size) {
    MD_PARSER Parser{};
    Parser.abi_version = 0;
    // Not MD_FLAG_COLLAPSEWHITESPACE: ProseBuilder collapses white space and
    // keeps the map exact.
    Parser.flags = MD_DIALECT_GITHUB;
    Parser.enter_block = onEnterBlock;
    Parser.leave_block = onLeaveBlock;
    Parser.enter_span = onEnterSpan;
    Parser.leave_span = onLeaveSpan;
    Parser.text = onText;
    md_parse(Text.data() + Start, Size - Start, &Parser, this);
  }
  // md4c balances its callbacks, but a failed parse (out of memory) may stop
  // in the middle of a link.
  if (LinkDepth > 0) {
    LinkDepth = 0;
    finishLink();
  }
  flushInlineHtml();
  return B.take();
}

} // namespace

Prose readMarkdown(llvm::StringRef Text) { return MarkdownReader(Text).read(); }

} // namespace claimlint
