//===- Markup/HtmlReader.cpp - Minimal HTML reader ------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// A linear tag scanner, not an HTML5 tree builder (a gumbo reader is a later
// issue). Every byte is looked at a bounded number of times, so hostile input
// (unterminated tags, 100,000 nested divs) costs linear time and never more
// than a stack of open block elements.
//
//===----------------------------------------------------------------------===//

#include "Markup/Reader.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <cassert>

namespace claimlint {

//===----------------------------------------------------------------------===//
// Character references
//===----------------------------------------------------------------------===//

namespace {

struct NamedReference {
  const char *Name;
  uint32_t CodePoint;
  /// HTML also accepts it without the ';' (the HTML 4 Latin-1 names).
  bool Legacy;
};

// A common subset of HTML's named references, sorted by name (byte order).
// The full table (2231 names) is left to the gumbo reader.
const NamedReference NamedReferences[] = {
    {"AElig", 198, true},    {"AMP", 38, true},       {"Aacute", 193, true},
    {"Acirc", 194, true},    {"Agrave", 192, true},   {"Aring", 197, true},
    {"Atilde", 195, true},   {"Auml", 196, true},     {"COPY", 169, true},
    {"Ccedil", 199, true},   {"Dagger", 8225, false}, {"Delta", 916, false},
    {"ETH", 208, true},      {"Eacute", 201, true},   {"Ecirc", 202, true},
    {"Egrave", 200, true},   {"Euml", 203, true},     {"GT", 62, true},
    {"Iacute", 205, true},   {"Icirc", 206, true},    {"Igrave", 204, true},
    {"Iuml", 207, true},     {"LT", 60, true},        {"Ntilde", 209, true},
    {"OElig", 338, false},   {"Oacute", 211, true},   {"Ocirc", 212, true},
    {"Ograve", 210, true},   {"Omega", 937, false},   {"Oslash", 216, true},
    {"Otilde", 213, true},   {"Ouml", 214, true},     {"Prime", 8243, false},
    {"QUOT", 34, true},      {"REG", 174, true},      {"Scaron", 352, false},
    {"Sigma", 931, false},   {"THORN", 222, true},    {"Uacute", 218, true},
    {"Ucirc", 219, true},    {"Ugrave", 217, true},   {"Uuml", 220, true},
    {"Yacute", 221, true},   {"Yuml", 376, false},    {"aacute", 225, true},
    {"acirc", 226, true},    {"acute", 180, true},    {"aelig", 230, true},
    {"agrave", 224, true},   {"alpha", 945, false},   {"amp", 38, true},
    {"apos", 39, false},     {"aring", 229, true},    {"asymp", 8776, false},
    {"atilde", 227, true},   {"auml", 228, true},     {"bdquo", 8222, false},
    {"beta", 946, false},    {"brvbar", 166, true},   {"bull", 8226, false},
    {"ccedil", 231, true},   {"cedil", 184, true},    {"cent", 162, true},
    {"check", 10003, false}, {"circ", 710, false},    {"copy", 169, true},
    {"curren", 164, true},   {"dagger", 8224, false}, {"darr", 8595, false},
    {"deg", 176, true},      {"delta", 948, false},   {"divide", 247, true},
    {"eacute", 233, true},   {"ecirc", 234, true},    {"egrave", 232, true},
    {"emsp", 8195, false},   {"ensp", 8194, false},   {"epsilon", 949, false},
    {"eth", 240, true},      {"euml", 235, true},     {"euro", 8364, false},
    {"fnof", 402, false},    {"frac12", 189, true},   {"frac14", 188, true},
    {"frac34", 190, true},   {"gamma", 947, false},   {"ge", 8805, false},
    {"gt", 62, true},        {"hairsp", 8202, false}, {"harr", 8596, false},
    {"hellip", 8230, false}, {"hyphen", 8208, false}, {"iacute", 237, true},
    {"icirc", 238, true},    {"iexcl", 161, true},    {"igrave", 236, true},
    {"infin", 8734, false},  {"iquest", 191, true},   {"iuml", 239, true},
    {"kappa", 954, false},   {"lambda", 955, false},  {"laquo", 171, true},
    {"larr", 8592, false},   {"ldquo", 8220, false},  {"le", 8804, false},
    {"lrm", 8206, false},    {"lsaquo", 8249, false}, {"lsquo", 8216, false},
    {"lt", 60, true},        {"macr", 175, true},     {"mdash", 8212, false},
    {"micro", 181, true},    {"middot", 183, true},   {"minus", 8722, false},
    {"mu", 956, false},      {"nbsp", 160, true},     {"ndash", 8211, false},
    {"ne", 8800, false},     {"not", 172, true},      {"ntilde", 241, true},
    {"oacute", 243, true},   {"ocirc", 244, true},    {"oelig", 339, false},
    {"ograve", 242, true},   {"omega", 969, false},   {"ordf", 170, true},
    {"ordm", 186, true},     {"oslash", 248, true},   {"otilde", 245, true},
    {"ouml", 246, true},     {"para", 182, true},     {"permil", 8240, false},
    {"pi", 960, false},      {"plusmn", 177, true},   {"pound", 163, true},
    {"prime", 8242, false},  {"quot", 34, true},      {"raquo", 187, true},
    {"rarr", 8594, false},   {"rdquo", 8221, false},  {"reg", 174, true},
    {"rlm", 8207, false},    {"rsaquo", 8250, false}, {"rsquo", 8217, false},
    {"sbquo", 8218, false},  {"scaron", 353, false},  {"sect", 167, true},
    {"shy", 173, true},      {"sigma", 963, false},   {"sup1", 185, true},
    {"sup2", 178, true},     {"sup3", 179, true},     {"szlig", 223, true},
    {"tau", 964, false},     {"thinsp", 8201, false}, {"thorn", 254, true},
    {"tilde", 732, false},   {"times", 215, true},    {"trade", 8482, false},
    {"uacute", 250, true},   {"uarr", 8593, false},   {"ucirc", 251, true},
    {"ugrave", 249, true},   {"uml", 168, true},      {"uuml", 252, true},
    {"yacute", 253, true},   {"yen", 165, true},      {"yuml", 255, true},
    {"zwj", 8205, false},    {"zwnj", 8204, false},
};

const NamedReference *lookupNamed(llvm::StringRef Name) {
  static const bool Sorted =
      std::is_sorted(std::begin(NamedReferences), std::end(NamedReferences),
                     [](const NamedReference &A, const NamedReference &B) {
                       return llvm::StringRef(A.Name) < llvm::StringRef(B.Name);
                     });
  assert(Sorted && "NamedReferences must be sorted by name");
  (void)Sorted;
  const auto *It =
      std::lower_bound(std::begin(NamedReferences), std::end(NamedReferences),
                       Name, [](const NamedReference &R, llvm::StringRef N) {
                         return llvm::StringRef(R.Name) < N;
                       });
  if (It != std::end(NamedReferences) && Name == It->Name)
    return It;
  return nullptr;
}

void appendUtf8(uint32_t CP, std::string &Out) {
  if (CP < 0x80) {
    Out.push_back(static_cast<char>(CP));
  } else if (CP < 0x800) {
    Out.push_back(static_cast<char>(0xC0 | (CP >> 6)));
    Out.push_back(static_cast<char>(0x80 | (CP & 0x3F)));
  } else if (CP < 0x10000) {
    Out.push_back(static_cast<char>(0xE0 | (CP >> 12)));
    Out.push_back(static_cast<char>(0x80 | ((CP >> 6) & 0x3F)));
    Out.push_back(static_cast<char>(0x80 | (CP & 0x3F)));
  } else {
    Out.push_back(static_cast<char>(0xF0 | (CP >> 18)));
    Out.push_back(static_cast<char>(0x80 | ((CP >> 12) & 0x3F)));
    Out.push_back(static_cast<char>(0x80 | ((CP >> 6) & 0x3F)));
    Out.push_back(static_cast<char>(0x80 | (CP & 0x3F)));
  }
}

/// HTML reads &#128;..&#159; as the Windows-1252 characters at those bytes.
uint32_t windows1252(uint32_t CP) {
  static const uint16_t Map[32] = {
      0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F,
      0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
  return Map[CP - 0x80];
}

/// decodeCharacterReference with HTML's attribute-value rule: a legacy name
/// without ';' followed by an alphanumeric or '=' is literal text there.
unsigned decodeReference(llvm::StringRef S, std::string &Out, bool Html,
                         bool InAttribute) {
  Out.clear();
  if (S.size() < 3 || S[0] != '&')
    return 0;
  if (S[1] == '#') {
    size_t I = 2;
    bool Hex = I < S.size() && (S[I] == 'x' || S[I] == 'X');
    if (Hex)
      ++I;
    size_t Digits = I;
    uint32_t V = 0;
    bool TooBig = false;
    for (; I < S.size() && (Hex ? llvm::isHexDigit(S[I]) : llvm::isDigit(S[I]));
         ++I) {
      if (!TooBig)
        V = V * (Hex ? 16 : 10) + llvm::hexDigitValue(S[I]);
      TooBig = TooBig || V > 0x10FFFF;
    }
    if (I == Digits)
      return 0;
    // CommonMark allows at most 7 decimal or 6 hex digits.
    if (!Html && I - Digits > (Hex ? 6u : 7u))
      return 0;
    bool Semi = I < S.size() && S[I] == ';';
    if (!Semi && !Html)
      return 0;
    if (Semi)
      ++I;
    if (TooBig || V == 0 || (V >= 0xD800 && V <= 0xDFFF))
      V = 0xFFFD;
    else if (Html && V >= 0x80 && V <= 0x9F)
      V = windows1252(V);
    appendUtf8(V, Out);
    return static_cast<unsigned>(I);
  }
  size_t I = 1;
  while (I < S.size() && I <= 32 && llvm::isAlnum(S[I]))
    ++I;
  llvm::StringRef Name = S.slice(1, I);
  if (Name.empty())
    return 0;
  if (I < S.size() && S[I] == ';') {
    if (const NamedReference *R = lookupNamed(Name)) {
      appendUtf8(R->CodePoint, Out);
      return static_cast<unsigned>(I + 1);
    }
  }
  if (!Html)
    return 0;
  // HTML takes the longest legacy name that prefixes the run ("&notit;" is
  // "¬it;"). The names are short, so this loop is bounded.
  for (size_t Len = std::min<size_t>(Name.size(), 6); Len >= 2; --Len) {
    const NamedReference *R = lookupNamed(Name.take_front(Len));
    if (!R || !R->Legacy)
      continue;
    char Next = 1 + Len < S.size() ? S[1 + Len] : '\0';
    if (InAttribute && (llvm::isAlnum(Next) || Next == '='))
      return 0;
    appendUtf8(R->CodePoint, Out);
    return static_cast<unsigned>(1 + Len);
  }
  return 0;
}

} // namespace

unsigned decodeCharacterReference(llvm::StringRef S, std::string &Out,
                                  bool Html) {
  return decodeReference(S, Out, Html, /*InAttribute=*/false);
}

//===----------------------------------------------------------------------===//
// Comments
//===----------------------------------------------------------------------===//

namespace {

/// For a comment opening at \p Begin ("<!--"), returns its whole source range
/// and its body, clipped to \p Limit when it is left open.
Comment commentAt(llvm::StringRef Text, uint32_t Begin, uint32_t Limit) {
  uint32_t BodyBegin = std::min(Begin + 4, Limit);
  llvm::StringRef After = Text.slice(BodyBegin, Limit);
  if (After.startswith(">")) // "<!-->"
    return {{Begin, BodyBegin + 1}, {BodyBegin, BodyBegin}};
  if (After.startswith("->")) // "<!--->"
    return {{Begin, BodyBegin + 2}, {BodyBegin, BodyBegin}};
  size_t Close = After.find("-->");
  if (Close == llvm::StringRef::npos)
    return {{Begin, Limit}, {BodyBegin, Limit}};
  auto BodyEnd = static_cast<uint32_t>(BodyBegin + Close);
  return {{Begin, BodyEnd + 3}, {BodyBegin, BodyEnd}};
}

} // namespace

void collectHtmlComments(llvm::StringRef Text, uint32_t Begin, uint32_t End,
                         ProseBuilder &B) {
  End = std::min<uint32_t>(End, static_cast<uint32_t>(Text.size()));
  llvm::StringRef Window = Text.take_front(End);
  while (Begin < End) {
    size_t Open = Window.find("<!--", Begin);
    if (Open == llvm::StringRef::npos)
      return;
    Comment C = commentAt(Text, static_cast<uint32_t>(Open), End);
    B.addComment(C);
    Begin = C.Source.End;
  }
}

//===----------------------------------------------------------------------===//
// The tag scanner
//===----------------------------------------------------------------------===//

namespace {

bool isHtmlSpace(char C) {
  return C == ' ' || C == '\t' || C == '\n' || C == '\r' || C == '\f';
}

bool isOneOf(llvm::StringRef Name, std::initializer_list<const char *> Names) {
  return llvm::any_of(Names, [&](const char *N) { return Name == N; });
}

/// Elements whose content is raw text: the scanner jumps to their end tag.
bool isRawText(llvm::StringRef Name) {
  return isOneOf(Name, {"script", "style", "textarea", "title", "xmp", "iframe",
                        "noembed", "noframes", "noscript"});
}

/// Elements whose content is not prose (code, graphics, inert templates).
bool isSkipped(llvm::StringRef Name) {
  return isOneOf(Name,
                 {"template", "svg", "math", "code", "pre", "kbd", "samp"});
}

/// Elements that may appear in <head>; any other start tag ends the head.
bool isHeadContent(llvm::StringRef Name) {
  return isOneOf(Name, {"meta", "link", "base", "basefont", "bgsound"});
}

/// Block-level elements: each starts and ends a block.
bool isBlockElement(llvm::StringRef Name) {
  if (Name.size() == 2 && Name[0] == 'h' && Name[1] >= '1' && Name[1] <= '6')
    return true;
  return isOneOf(Name,
                 {"p",          "div",      "li",      "dt",         "dd",
                  "td",         "th",       "tr",      "table",      "thead",
                  "tbody",      "tfoot",    "caption", "blockquote", "section",
                  "article",    "header",   "footer",  "main",       "nav",
                  "aside",      "address",  "details", "summary",    "figure",
                  "figcaption", "fieldset", "legend",  "form",       "ul",
                  "ol",         "dl",       "menu",    "center",     "hgroup",
                  "body",       "html",     "option",  "dialog",     "search"});
}

/// The block kind an element gives its text, or None to inherit the kind of
/// the element around it (a <p> in an <li> is list-item text).
llvm::Optional<BlockKind> ownKind(llvm::StringRef Name) {
  if (Name.size() == 2 && Name[0] == 'h' && Name[1] >= '1' && Name[1] <= '6')
    return BlockKind::Heading;
  if (Name == "li")
    return BlockKind::ListItem;
  if (Name == "td" || Name == "th")
    return BlockKind::TableCell;
  if (Name == "blockquote")
    return BlockKind::BlockQuote;
  return llvm::None;
}

struct Attribute {
  llvm::StringRef Name;
  Range Value;
};

struct Tag {
  std::string Name; ///< lower case, at most 32 bytes
  bool End = false;
  bool SelfClosing = false;
  uint32_t Next = 0; ///< first byte after the tag
  llvm::SmallVector<Attribute, 4> Attributes;

  const Attribute *attribute(llvm::StringRef N) const {
    for (const Attribute &A : Attributes)
      if (A.Name.equals_insensitive(N))
        return &A;
    return nullptr;
  }
};

class HtmlScanner {
public:
  HtmlScanner(llvm::StringRef Text, llvm::ArrayRef<Range> Pieces,
              BlockKind Kind, ProseBuilder &B)
      : Text(Text), Pieces(Pieces), DefaultKind(Kind), B(B) {}

  void run();

private:
  struct Open {
    std::string Name;
    BlockKind Kind;
  };

  bool dropping() const { return SkipDepth > 0 || InHead; }
  BlockKind currentKind() const {
    return Stack.empty() ? DefaultKind : Stack.back().Kind;
  }
  void ensureBlock() {
    if (!B.inBlock())
      B.beginBlock(currentKind());
  }

  void text(uint32_t Begin, uint32_t End);
  void textWithReferences(uint32_t Begin, uint32_t End, bool InAttribute);
  bool insideOnePiece(uint32_t Begin, uint32_t End) const;
  void blockOf(BlockKind Kind, Range Value, bool InAttribute = true);

  uint32_t markup(uint32_t Pos);
  bool parseTag(uint32_t Pos, Tag &T) const;
  uint32_t findEndTag(llvm::StringRef Name, uint32_t From) const;
  void startTag(const Tag &T);
  void endTag(const Tag &T);

  llvm::StringRef Text;
  llvm::ArrayRef<Range> Pieces;
  BlockKind DefaultKind;
  ProseBuilder &B;
  uint32_t End = 0;

  std::vector<Open> Stack;
  std::string SkipName;
  unsigned SkipDepth = 0;
  bool InHead = false;
  std::string Decoded;
};

bool HtmlScanner::insideOnePiece(uint32_t Begin, uint32_t E) const {
  auto It = llvm::upper_bound(
      Pieces, Begin, [](uint32_t V, const Range &R) { return V < R.End; });
  return It != Pieces.end() && It->Begin <= Begin && E <= It->End;
}

void HtmlScanner::text(uint32_t Begin, uint32_t E) {
  if (Begin >= E)
    return;
  ensureBlock();
  if (Pieces.size() == 1) {
    B.addText(Begin, E);
    return;
  }
  // Only bytes inside a piece are HTML; a gap reads as a space.
  auto It = llvm::upper_bound(
      Pieces, Begin, [](uint32_t V, const Range &R) { return V < R.End; });
  uint32_t Pos = Begin;
  for (; It != Pieces.end() && It->Begin < E; ++It) {
    uint32_t A = std::max(Pos, It->Begin);
    if (A > Pos)
      B.addSpace(Pos);
    uint32_t Z = std::min(E, It->End);
    B.addText(A, Z);
    Pos = Z;
  }
  if (Pos < E)
    B.addSpace(Pos);
}

void HtmlScanner::textWithReferences(uint32_t Begin, uint32_t E,
                                     bool InAttribute) {
  uint32_t Pos = Begin;
  while (Pos < E) {
    size_t Amp = Text.slice(0, E).find('&', Pos);
    if (Amp == llvm::StringRef::npos) {
      text(Pos, E);
      return;
    }
    auto A = static_cast<uint32_t>(Amp);
    text(Pos, A);
    unsigned N =
        decodeReference(Text.slice(A, E), Decoded, /*Html=*/true, InAttribute);
    if (N == 0 || !insideOnePiece(A, A + N)) {
      text(A, A + 1);
      Pos = A + 1;
      continue;
    }
    ensureBlock();
    B.addReplacement(Decoded, A, A + N);
    Pos = A + N;
  }
}

void HtmlScanner::blockOf(BlockKind Kind, Range Value, bool InAttribute) {
  B.endBlock();
  B.beginBlock(Kind);
  textWithReferences(Value.Begin, Value.End, InAttribute);
  B.endBlock();
}

void HtmlScanner::run() {
  if (Pieces.empty())
    return;
  uint32_t Pos = Pieces.front().Begin;
  End =
      std::min<uint32_t>(Pieces.back().End, static_cast<uint32_t>(Text.size()));
  llvm::StringRef Window = Text.take_front(End);
  while (Pos < End) {
    size_t Next = Window.find_first_of(dropping() ? "<" : "<&", Pos);
    auto N =
        static_cast<uint32_t>(std::min<size_t>(Next, static_cast<size_t>(End)));
    if (N > Pos) {
      if (!dropping())
        text(Pos, N);
      Pos = N;
      continue;
    }
    if (Text[Pos] == '&') {
      // Decode one reference; textWithReferences handles the piece checks.
      unsigned Len = decodeReference(Text.slice(Pos, End), Decoded, true,
                                     /*InAttribute=*/false);
      uint32_t RefEnd = Pos + std::max(Len, 1u);
      textWithReferences(Pos, RefEnd, /*InAttribute=*/false);
      Pos = RefEnd;
      continue;
    }
    Pos = markup(Pos);
  }
}

/// Handles the '<' at \p Pos; returns the offset after what it consumed.
uint32_t HtmlScanner::markup(uint32_t Pos) {
  llvm::StringRef Rest = Text.slice(Pos, End);
  if (Rest.startswith("<!--")) {
    Comment C = commentAt(Text, Pos, End);
    B.addComment(C);
    return C.Source.End;
  }
  auto SkipPast = [&](char C) {
    size_t At = Rest.find(C, 1);
    return At == llvm::StringRef::npos ? End
                                       : Pos + static_cast<uint32_t>(At) + 1;
  };
  // <!DOCTYPE>, <![CDATA[...]>, <?xml ...?>: bogus comments up to '>'.
  if (Rest.startswith("<!") || Rest.startswith("<?"))
    return SkipPast('>');
  bool IsEnd = Rest.startswith("</");
  size_t NameAt = IsEnd ? 2 : 1;
  if (NameAt >= Rest.size() || !llvm::isAlpha(Rest[NameAt])) {
    if (IsEnd) // "</>" is dropped; "</3" is a bogus comment.
      return SkipPast('>');
    if (!dropping())
      text(Pos, Pos + 1); // "a < b", "<3"
    return Pos + 1;
  }
  Tag T;
  if (!parseTag(Pos, T))
    return End; // A tag left open at the end of input is dropped.
  if (T.End)
    endTag(T);
  else
    startTag(T);
  if (!T.End && !T.SelfClosing && isRawText(T.Name)) {
    uint32_t Close = findEndTag(T.Name, T.Next);
    if (T.Name == "title" && SkipDepth == 0)
      blockOf(BlockKind::Title, {T.Next, Close}, /*InAttribute=*/false);
    size_t Gt = Text.slice(0, End).find('>', Close);
    return Gt == llvm::StringRef::npos ? End : static_cast<uint32_t>(Gt) + 1;
  }
  return T.Next;
}

/// Parses the tag at \p Pos ('<' then a letter, or "</" then a letter).
/// Returns false when the input ends inside the tag.
bool HtmlScanner::parseTag(uint32_t Pos, Tag &T) const {
  uint32_t P = Pos + 1;
  if (Text[P] == '/') {
    T.End = true;
    ++P;
  }
  uint32_t NameBegin = P;
  while (P < End && !isHtmlSpace(Text[P]) && Text[P] != '/' && Text[P] != '>')
    ++P;
  T.Name = Text.slice(NameBegin, std::min(P, NameBegin + 32)).lower();
  while (P < End) {
    char C = Text[P];
    if (isHtmlSpace(C) || C == '/') {
      T.SelfClosing = C == '/';
      ++P;
      continue;
    }
    if (C == '>') {
      T.Next = P + 1;
      return true;
    }
    T.SelfClosing = false;
    uint32_t AttrBegin = P++;
    while (P < End && !isHtmlSpace(Text[P]) && Text[P] != '/' &&
           Text[P] != '>' && Text[P] != '=')
      ++P;
    Attribute A{Text.slice(AttrBegin, P), {P, P}};
    while (P < End && isHtmlSpace(Text[P]))
      ++P;
    if (P < End && Text[P] == '=') {
      ++P;
      while (P < End && isHtmlSpace(Text[P]))
        ++P;
      if (P < End && (Text[P] == '"' || Text[P] == '\'')) {
        size_t Close = Text.slice(0, End).find(Text[P], P + 1);
        if (Close == llvm::StringRef::npos)
          return false;
        A.Value = {P + 1, static_cast<uint32_t>(Close)};
        P = static_cast<uint32_t>(Close) + 1;
      } else {
        uint32_t ValueBegin = P;
        while (P < End && !isHtmlSpace(Text[P]) && Text[P] != '>')
          ++P;
        A.Value = {ValueBegin, P};
      }
    }
    T.Attributes.push_back(A);
  }
  return false;
}

/// The offset of the end tag "</Name" closing a raw-text element, or End.
uint32_t HtmlScanner::findEndTag(llvm::StringRef Name, uint32_t From) const {
  llvm::StringRef Window = Text.take_front(End);
  for (size_t P = Window.find("</", From); P != llvm::StringRef::npos;
       P = Window.find("</", P + 2)) {
    llvm::StringRef After = Window.substr(P + 2);
    if (!After.startswith_insensitive(Name))
      continue;
    if (After.size() == Name.size() || isHtmlSpace(After[Name.size()]) ||
        After[Name.size()] == '/' || After[Name.size()] == '>')
      return static_cast<uint32_t>(P);
  }
  return End;
}

void HtmlScanner::startTag(const Tag &T) {
  const std::string &Name = T.Name;
  if (SkipDepth > 0) {
    if (Name == SkipName && !T.SelfClosing)
      ++SkipDepth;
    return;
  }
  if (isSkipped(Name)) {
    if (T.SelfClosing)
      return;
    SkipName = Name;
    SkipDepth = 1;
    // Keep the words on either side apart: "take <code>x</code> daily".
    if (B.inBlock())
      B.addSpace(T.Next);
    return;
  }
  if (Name == "head") {
    InHead = true;
    return;
  }
  if (InHead && !isRawText(Name) && !isHeadContent(Name))
    InHead = false; // A body element ends an unclosed <head>.
  if (Name == "img") {
    if (const Attribute *Alt = T.attribute("alt"))
      blockOf(BlockKind::AltText, Alt->Value);
    return;
  }
  if (Name == "meta") {
    const Attribute *Content = T.attribute("content");
    const Attribute *Key = T.attribute("name");
    if (!Key)
      Key = T.attribute("property");
    if (!Content || !Key)
      return;
    llvm::StringRef K = Text.slice(Key->Value.Begin, Key->Value.End).trim();
    if (K.equals_insensitive("description") ||
        K.equals_insensitive("og:description"))
      blockOf(BlockKind::Description, Content->Value);
    else if (K.equals_insensitive("og:title"))
      blockOf(BlockKind::Title, Content->Value);
    return;
  }
  if (Name == "br" || Name == "hr") {
    B.endBlock();
    return;
  }
  if (!isBlockElement(Name))
    return; // Inline elements join text.
  B.endBlock();
  if (Name == "html" || Name == "body") {
    InHead = false;
    return;
  }
  // HTML closes an open <p>/<li>/<td> when a sibling opens; doing the same
  // keeps the stack small on pages that never close them.
  if (!Stack.empty() && Stack.back().Name == Name &&
      isOneOf(Name, {"p", "li", "td", "th", "tr", "dt", "dd", "option"}))
    Stack.pop_back();
  BlockKind K = ownKind(Name).getValueOr(currentKind());
  Stack.push_back({Name, K});
}

void HtmlScanner::endTag(const Tag &T) {
  const std::string &Name = T.Name;
  if (SkipDepth > 0) {
    if (Name == SkipName && --SkipDepth == 0 && B.inBlock())
      B.addSpace(T.Next);
    return;
  }
  if (Name == "head") {
    InHead = false;
    return;
  }
  if (Name == "br") { // </br> is read as <br>.
    B.endBlock();
    return;
  }
  if (!isBlockElement(Name))
    return;
  B.endBlock();
  // Pop to the matching element; a stray end tag far from any match is
  // ignored (the search depth is bounded so the scan stays linear).
  size_t Limit = std::min<size_t>(Stack.size(), 64);
  for (size_t I = 1; I <= Limit; ++I) {
    if (Stack[Stack.size() - I].Name == Name) {
      Stack.resize(Stack.size() - I);
      return;
    }
  }
}

} // namespace

void readHtmlFragment(llvm::StringRef Text, llvm::ArrayRef<Range> Pieces,
                      BlockKind Kind, ProseBuilder &B) {
  HtmlScanner(Text, Pieces, Kind, B).run();
}

Prose readHtml(llvm::StringRef Text) {
  ProseBuilder B(Text);
  // Offsets are 32-bit; a larger file is read up to 4 GiB.
  auto Size = static_cast<uint32_t>(std::min<size_t>(Text.size(), UINT32_MAX));
  uint32_t Start = Text.startswith("\xEF\xBB\xBF") ? 3 : 0;
  if (Start < Size) {
    Range All{Start, Size};
    readHtmlFragment(Text, All, BlockKind::Paragraph, B);
  }
  return B.take();
}

} // namespace claimlint
