//===- Markup/HtmlReader.cpp - HTML reader on gumbo -----------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// gumbo builds the HTML5 tree (misnested tags, implied elements, foster
// parenting: what a browser shows). Its text nodes carry both the decoded
// text and a slice of our buffer with the raw bytes, so each node's decoded
// text is aligned with its raw span (literal runs byte for byte, character
// references and CRLF as replaced pieces) and the offsets stay exact.
//
// The tree walk records "runs" (a raw span, its decoded text and the block it
// belongs to); the runs are then emitted in source order, because the parser
// moves text (foster parenting) and ProseBuilder needs source order. Text the
// parser moved thus forms a block of its own at its true position.
//
// Nesting is capped at 512 elements before gumbo sees the page (as browsers
// cap it), which keeps gumbo's stack scans and its recursive destructor
// bounded on hostile input. The walk is iterative.
//
//===----------------------------------------------------------------------===//

#include "Markup/GumboArena.h"
#include "Markup/Reader.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"

#include <algorithm>
#include <cassert>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <gumbo.h>

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
// The gumbo reader
//===----------------------------------------------------------------------===//

namespace {

bool isHtmlSpace(char C) {
  return C == ' ' || C == '\t' || C == '\n' || C == '\r' || C == '\f';
}

/// Elements whose content is not prose: scripts and styles, code, graphics,
/// inert templates, form text, frames.
bool isSkippedTag(GumboTag T) {
  switch (T) {
  case GUMBO_TAG_SCRIPT:
  case GUMBO_TAG_STYLE:
  case GUMBO_TAG_NOSCRIPT:
  case GUMBO_TAG_TEMPLATE:
  case GUMBO_TAG_SVG:
  case GUMBO_TAG_MATH:
  case GUMBO_TAG_CODE:
  case GUMBO_TAG_PRE:
  case GUMBO_TAG_KBD:
  case GUMBO_TAG_SAMP:
  case GUMBO_TAG_TEXTAREA:
  case GUMBO_TAG_XMP:
  case GUMBO_TAG_LISTING:
  case GUMBO_TAG_PLAINTEXT:
  case GUMBO_TAG_IFRAME:
  case GUMBO_TAG_NOEMBED:
  case GUMBO_TAG_NOFRAMES:
    return true;
  default:
    return false;
  }
}

/// Block-level elements: each starts and ends a block.
bool isBlockTag(GumboTag T) {
  switch (T) {
  case GUMBO_TAG_P:
  case GUMBO_TAG_DIV:
  case GUMBO_TAG_LI:
  case GUMBO_TAG_DT:
  case GUMBO_TAG_DD:
  case GUMBO_TAG_TD:
  case GUMBO_TAG_TH:
  case GUMBO_TAG_TR:
  case GUMBO_TAG_TABLE:
  case GUMBO_TAG_THEAD:
  case GUMBO_TAG_TBODY:
  case GUMBO_TAG_TFOOT:
  case GUMBO_TAG_CAPTION:
  case GUMBO_TAG_BLOCKQUOTE:
  case GUMBO_TAG_SECTION:
  case GUMBO_TAG_ARTICLE:
  case GUMBO_TAG_HEADER:
  case GUMBO_TAG_FOOTER:
  case GUMBO_TAG_MAIN:
  case GUMBO_TAG_NAV:
  case GUMBO_TAG_ASIDE:
  case GUMBO_TAG_ADDRESS:
  case GUMBO_TAG_DETAILS:
  case GUMBO_TAG_SUMMARY:
  case GUMBO_TAG_FIGURE:
  case GUMBO_TAG_FIGCAPTION:
  case GUMBO_TAG_FIELDSET:
  case GUMBO_TAG_LEGEND:
  case GUMBO_TAG_FORM:
  case GUMBO_TAG_UL:
  case GUMBO_TAG_OL:
  case GUMBO_TAG_DL:
  case GUMBO_TAG_DIR:
  case GUMBO_TAG_MENU:
  case GUMBO_TAG_CENTER:
  case GUMBO_TAG_HGROUP:
  case GUMBO_TAG_OPTION:
  case GUMBO_TAG_TITLE:
  case GUMBO_TAG_H1:
  case GUMBO_TAG_H2:
  case GUMBO_TAG_H3:
  case GUMBO_TAG_H4:
  case GUMBO_TAG_H5:
  case GUMBO_TAG_H6:
    return true;
  default:
    return false;
  }
}

/// The block kind an element gives its text, or None to inherit the kind of
/// the element around it (a <p> in an <li> is list-item text).
llvm::Optional<BlockKind> ownKind(GumboTag T) {
  switch (T) {
  case GUMBO_TAG_H1:
  case GUMBO_TAG_H2:
  case GUMBO_TAG_H3:
  case GUMBO_TAG_H4:
  case GUMBO_TAG_H5:
  case GUMBO_TAG_H6:
    return BlockKind::Heading;
  case GUMBO_TAG_LI:
    return BlockKind::ListItem;
  case GUMBO_TAG_TD:
  case GUMBO_TAG_TH:
    return BlockKind::TableCell;
  case GUMBO_TAG_BLOCKQUOTE:
    return BlockKind::BlockQuote;
  case GUMBO_TAG_TITLE:
    return BlockKind::Title;
  default:
    return llvm::None;
  }
}

const GumboAttribute *attribute(const GumboElement &E, const char *Name) {
  return gumbo_get_attribute(&E.attributes, Name);
}

llvm::StringRef attributeValue(const GumboElement &E, const char *Name) {
  const GumboAttribute *A = attribute(E, Name);
  return A && A->value ? llvm::StringRef(A->value).trim() : llvm::StringRef();
}

/// JSON-LD keys whose string values are published text.
llvm::Optional<BlockKind> jsonLdKind(llvm::StringRef Key) {
  if (Key == "name" || Key == "headline" || Key == "alternativeHeadline")
    return BlockKind::Title;
  if (Key == "description" || Key == "abstract")
    return BlockKind::Description;
  return llvm::None;
}

/// Whether an element counts towards the nesting estimate below: void
/// elements, elements whose end tag may be left out (p, li, td, ...) and the
/// document's own elements do not.
bool countsForDepth(GumboTag T) {
  switch (T) {
  case GUMBO_TAG_AREA:
  case GUMBO_TAG_BASE:
  case GUMBO_TAG_BASEFONT:
  case GUMBO_TAG_BGSOUND:
  case GUMBO_TAG_BR:
  case GUMBO_TAG_COL:
  case GUMBO_TAG_EMBED:
  case GUMBO_TAG_FRAME:
  case GUMBO_TAG_HR:
  case GUMBO_TAG_IMG:
  case GUMBO_TAG_INPUT:
  case GUMBO_TAG_KEYGEN:
  case GUMBO_TAG_LINK:
  case GUMBO_TAG_META:
  case GUMBO_TAG_PARAM:
  case GUMBO_TAG_SOURCE:
  case GUMBO_TAG_TRACK:
  case GUMBO_TAG_WBR:
  case GUMBO_TAG_P:
  case GUMBO_TAG_LI:
  case GUMBO_TAG_DT:
  case GUMBO_TAG_DD:
  case GUMBO_TAG_TR:
  case GUMBO_TAG_TD:
  case GUMBO_TAG_TH:
  case GUMBO_TAG_OPTION:
  case GUMBO_TAG_OPTGROUP:
  case GUMBO_TAG_THEAD:
  case GUMBO_TAG_TBODY:
  case GUMBO_TAG_TFOOT:
  case GUMBO_TAG_COLGROUP:
  case GUMBO_TAG_CAPTION:
  case GUMBO_TAG_RB:
  case GUMBO_TAG_RT:
  case GUMBO_TAG_RP:
  case GUMBO_TAG_HTML:
  case GUMBO_TAG_HEAD:
  case GUMBO_TAG_BODY:
    return false;
  default:
    return true;
  }
}

bool isRawTextTag(GumboTag T) {
  switch (T) {
  case GUMBO_TAG_SCRIPT:
  case GUMBO_TAG_STYLE:
  case GUMBO_TAG_TEXTAREA:
  case GUMBO_TAG_TITLE:
  case GUMBO_TAG_XMP:
  case GUMBO_TAG_IFRAME:
  case GUMBO_TAG_NOEMBED:
  case GUMBO_TAG_NOFRAMES:
  case GUMBO_TAG_NOSCRIPT:
    return true;
  default:
    return false;
  }
}

/// gumbo_tag_enum() compares the name with every tag name in turn; the
/// pre-scan looks up every tag of the page, so it uses a hash map.
GumboTag tagOf(const std::string &Lower) {
  static const llvm::StringMap<GumboTag> Tags = [] {
    llvm::StringMap<GumboTag> M;
    for (int T = 0; T < GUMBO_TAG_UNKNOWN; ++T)
      M[gumbo_normalized_tagname(static_cast<GumboTag>(T))] =
          static_cast<GumboTag>(T);
    return M;
  }();
  auto It = Tags.find(Lower);
  return It == Tags.end() ? GUMBO_TAG_UNKNOWN : It->second;
}

/// Deepest nesting gumbo is given. Its tree builder scans the stack of open
/// elements for many tags, so 100,000 nested elements would cost quadratic
/// time; browsers cap the depth too (Chromium at 512) and so do we.
constexpr unsigned MaxDepth = 512;

/// The start tags in \p S (at \p Base in the file) that would open elements
/// deeper than MaxDepth, by a linear estimate of the nesting. The reader
/// hides them from gumbo (their bytes read as a word break), which flattens
/// the excess as a browser does.
///
/// With \p Cuts, it also lists the contents of script (other than JSON) and
/// style elements, which the reader never reads: gumbo is then given the
/// page without them (see GumboReader::run()).
std::vector<Range> tooDeepTags(llvm::StringRef S, uint32_t Base,
                               std::vector<Range> *Cuts = nullptr) {
  std::vector<Range> Out;
  // The elements open, as the parser will see them: an end tag closes the
  // nearest open element of its name (and those inside it) and is ignored
  // when none is open, so stray end tags cannot hide depth.
  std::vector<GumboTag> Open;
  std::vector<std::string> OpenNames; // for GUMBO_TAG_UNKNOWN
  size_t P = 0;
  while ((P = S.find('<', P)) != llvm::StringRef::npos) {
    llvm::StringRef R = S.substr(P);
    if (R.startswith("<!--")) {
      size_t E = S.find("-->", P + 4);
      if (E == llvm::StringRef::npos)
        break;
      P = E + 3;
      continue;
    }
    bool End = R.size() > 1 && R[1] == '/';
    size_t NB = P + (End ? 2 : 1);
    if (NB >= S.size() || !llvm::isAlpha(S[NB])) {
      ++P;
      continue;
    }
    size_t NE = NB;
    while (NE < S.size() && llvm::isAlnum(S[NE]))
      ++NE;
    size_t Gt = S.find('>', NE);
    if (Gt == llvm::StringRef::npos)
      break;
    std::string Lower = S.slice(NB, std::min(NE, NB + 32)).lower();
    GumboTag T = tagOf(Lower);
    P = Gt + 1;
    if (End) {
      if (!countsForDepth(T))
        continue;
      for (size_t I = Open.size(); I-- > 0;)
        if (Open[I] == T && (T != GUMBO_TAG_UNKNOWN || OpenNames[I] == Lower)) {
          Open.resize(I);
          OpenNames.resize(I);
          break;
        }
      continue;
    }
    if (isRawTextTag(T)) {
      size_t Q = P;
      while ((Q = S.find("</", Q)) != llvm::StringRef::npos &&
             !S.substr(Q + 2).startswith_insensitive(Lower))
        Q += 2;
      if (Cuts && Q != llvm::StringRef::npos && Q > P &&
          (T == GUMBO_TAG_STYLE ||
           (T == GUMBO_TAG_SCRIPT &&
            !S.slice(NE, Gt).contains_insensitive("json") &&
            !S.slice(P, Q).contains("<!--")))) {
        // The end tag's name must end there, as the tokenizer requires.
        size_t After = Q + 2 + Lower.size();
        if (After < S.size() &&
            (isHtmlSpace(S[After]) || S[After] == '/' || S[After] == '>'))
          Cuts->push_back({Base + static_cast<uint32_t>(P),
                           Base + static_cast<uint32_t>(Q)});
      }
      P = Q == llvm::StringRef::npos ? S.size() : Q;
      continue;
    }
    // "<div/>" opens a div in HTML: only void elements never open.
    if (!countsForDepth(T))
      continue;
    if (Open.size() >= MaxDepth) {
      Out.push_back({Base + static_cast<uint32_t>(R.data() - S.data()),
                     Base + static_cast<uint32_t>(Gt + 1)});
      continue;
    }
    Open.push_back(T);
    OpenNames.push_back(T == GUMBO_TAG_UNKNOWN ? Lower : std::string());
  }
  return Out;
}

/// \p Pieces without the bytes of \p Holes (both sorted and disjoint).
std::vector<Range> subtractRanges(llvm::ArrayRef<Range> Pieces,
                                  llvm::ArrayRef<Range> Holes) {
  std::vector<Range> Out;
  size_t H = 0;
  for (Range P : Pieces) {
    while (H < Holes.size() && Holes[H].End <= P.Begin)
      ++H;
    size_t K = H;
    while (K < Holes.size() && Holes[K].Begin < P.End) {
      if (Holes[K].Begin > P.Begin)
        Out.push_back({P.Begin, Holes[K].Begin});
      P.Begin = std::max(P.Begin, Holes[K].End);
      ++K;
    }
    if (P.Begin < P.End)
      Out.push_back(P);
  }
  return Out;
}

enum class RunKind : uint8_t {
  Text,  ///< a text node or attribute value: raw span plus decoded text
  Json,  ///< the content of a JSON string (escapes decoded here)
  Space, ///< a word break where a skipped element was
  Break, ///< a block element or <br> starts: the open block ends
};

/// A piece of the page, in buffer offsets, owned by block Block.
struct Run {
  uint32_t Begin;
  uint32_t End;
  uint32_t Block;
  RunKind Kind;
  bool InAttribute;
  const char *Decoded;
  uint32_t DecodedLen;
};

constexpr uint32_t NoBlock = ~0u;

const GumboVector *childrenOf(const GumboNode *N);

thread_local uint64_t BytesCut = 0; ///< see htmlBytesCut()

class GumboReader {
public:
  GumboReader(llvm::StringRef Text, llvm::ArrayRef<Range> Pieces,
              BlockKind Kind, ProseBuilder &B, bool CutRawText)
      : Text(Text), Pieces(Pieces), DefaultKind(Kind), B(B),
        CutRawText(CutRawText) {}

  void run();

private:
  /// The offset in Buf of \p P, a pointer into what gumbo parsed.
  uint32_t off(const char *P) const {
    auto X = static_cast<uint32_t>(P - Parsed.data());
    if (Shifts.empty())
      return X;
    // The last cut at or before X: bytes removed before it.
    auto It = llvm::upper_bound(
        Shifts, X, [](uint32_t V, const std::pair<uint32_t, uint32_t> &C) {
          return V < C.first;
        });
    return It == Shifts.begin() ? X : X + std::prev(It)->second;
  }
  bool inBuffer(const char *P, size_t Len) const {
    return P && std::less_equal<const char *>()(Parsed.begin(), P) &&
           std::less_equal<const char *>()(P + Len, Parsed.end());
  }
  bool parse(GumboArena &Arena, GumboOutput *&Out);
  bool cutsHold(const GumboNode *Root) const;
  uint32_t newBlock(BlockKind K) {
    Kinds.push_back(K);
    return static_cast<uint32_t>(Kinds.size() - 1);
  }

  void walk(const GumboNode *Root);
  void textNode(const GumboText &T, uint32_t Block);
  void comment(const GumboText &T);
  void attributeBlock(const GumboElement &E, const char *Name, BlockKind K);
  void meta(const GumboElement &E);
  void jsonLd(const GumboElement &E);
  void markAt(const GumboElement &E, RunKind K, uint32_t Block);

  void emit();
  void emitText(const Run &R);
  void emitJson(const Run &R);
  void text(uint32_t Begin, uint32_t End);
  void replacement(llvm::StringRef S, uint32_t Begin, uint32_t End);
  bool insideOnePiece(uint32_t Begin, uint32_t End) const;
  void loneEndTag();

  llvm::StringRef Text;
  llvm::ArrayRef<Range> Pieces;
  BlockKind DefaultKind;
  ProseBuilder &B;

  std::vector<Range> OwnPieces; ///< Pieces less tags nested too deep
  std::string Copy;    ///< the pieces with their gaps blanked, when gapped
  llvm::StringRef Buf; ///< the HTML read; Buf[I] is Text[Base + I]
  uint32_t Base = 0;
  /// What gumbo parses: Buf, or Buf less the contents of scripts and
  /// styles (Cut), with Shifts mapping its offsets back to Buf: (offset in
  /// Parsed where a cut was, bytes cut up to there), ascending.
  llvm::StringRef Parsed;
  bool CutRawText;
  std::vector<Range> Cut; ///< in Buf
  std::string Stripped;
  std::vector<std::pair<uint32_t, uint32_t>> Shifts;

  std::vector<Run> Runs;
  std::vector<BlockKind> Kinds;
  std::vector<Comment> Comments;
  std::string Scratch;
};

void GumboReader::run() {
  if (Pieces.empty())
    return;
  Base = Pieces.front().Begin;
  auto Last =
      std::min<uint32_t>(Pieces.back().End, static_cast<uint32_t>(Text.size()));
  if (Last <= Base)
    return;
  std::vector<Range> Cuts;
  std::vector<Range> Deep =
      tooDeepTags(Text.slice(Base, Last), Base,
                  Pieces.size() == 1 && CutRawText ? &Cuts : nullptr);
  if (!Deep.empty()) {
    OwnPieces = subtractRanges(Pieces, Deep);
    Pieces = OwnPieces;
    if (Pieces.empty())
      return;
  }
  if (Pieces.size() == 1) {
    Buf = Text.slice(Base, Last);
    if (Deep.empty())
      for (const Range &C : Cuts)
        Cut.push_back({C.Begin - Base, C.End - Base});
  } else {
    // Bytes between pieces (Markdown quote markers, line breaks) are not
    // HTML: gumbo sees spaces there, and text() reads them as a word break.
    Copy.assign(Last - Base, ' ');
    for (const Range &R : Pieces) {
      uint32_t E = std::min(R.End, Last);
      if (R.Begin < E)
        std::copy(Text.begin() + R.Begin, Text.begin() + E,
                  Copy.begin() + (R.Begin - Base));
    }
    Buf = Copy;
  }

  // The arena frees the tree at the end: no gumbo_destroy_output().
  llvm::Optional<GumboArena> Arena;
  GumboOutput *Out = nullptr;
  if (!Cut.empty()) {
    Arena.emplace();
    if (!parse(*Arena, Out) || !cutsHold(Out->document)) {
      // Not as the pre-scan thought (a script in an SVG, in a <title>...):
      // the page as it is.
      Cut.clear();
      Arena.reset();
      Out = nullptr;
    }
  }
  if (!Out) {
    Arena.emplace();
    if (!parse(*Arena, Out))
      return;
  }
  for (const Range &C : Cut)
    BytesCut += C.End - C.Begin;
  Runs.reserve(Buf.size() / 32);
  walk(Out->document);
  if (Runs.empty())
    loneEndTag();
  emit();
}

/// Parses Buf less the Cut contents (if any) into \p Out.
bool GumboReader::parse(GumboArena &Arena, GumboOutput *&Out) {
  Parsed = Buf;
  Shifts.clear();
  if (!Cut.empty()) {
    Stripped.clear();
    Stripped.reserve(Buf.size());
    uint32_t From = 0, Gone = 0;
    for (const Range &C : Cut) {
      Stripped.append(Buf.data() + From, C.Begin - From);
      Gone += C.End - C.Begin;
      Shifts.push_back({static_cast<uint32_t>(Stripped.size()), Gone});
      From = C.End;
    }
    Stripped.append(Buf.data() + From, Buf.size() - From);
    Parsed = Stripped;
  }
  GumboOptions O = kGumboDefaultOptions;
  O.max_errors = 0; // errors are not recorded at all
  O.allocator = &GumboArena::allocateFn;
  O.deallocator = &GumboArena::deallocateFn;
  O.userdata = &Arena;
  Out = gumbo_parse_with_options(&O, Parsed.data(), Parsed.size());
  return Out != nullptr;
}

/// Whether each cut is exactly the contents of an HTML script or style
/// element in the tree gumbo built without them: its start tag ends and its
/// end tag begins where the cut was. The bytes before a cut are the page's,
/// so the tokenizer reached it in the same state; from there it would have
/// read the contents as raw text up to that end tag (the pre-scan kept out
/// scripts with "<!--", the one way a script's text can run on), so the
/// rest of the page parses the same.
bool GumboReader::cutsHold(const GumboNode *Root) const {
  size_t Held = 0;
  std::vector<const GumboNode *> Stack{Root};
  while (!Stack.empty()) {
    const GumboNode *N = Stack.back();
    Stack.pop_back();
    const GumboVector *Children = childrenOf(N);
    if (!Children)
      continue;
    if (N->type == GUMBO_NODE_ELEMENT) {
      const GumboElement &E = N->v.element;
      if ((E.tag == GUMBO_TAG_SCRIPT || E.tag == GUMBO_TAG_STYLE) &&
          E.tag_namespace == GUMBO_NAMESPACE_HTML &&
          inBuffer(E.original_tag.data, E.original_tag.length) &&
          E.original_end_tag.data ==
              E.original_tag.data + E.original_tag.length) {
        auto At =
            static_cast<uint32_t>(E.original_end_tag.data - Parsed.data());
        auto It = llvm::lower_bound(Shifts, At,
                                    [](const std::pair<uint32_t, uint32_t> &C,
                                       uint32_t V) { return C.first < V; });
        if (It != Shifts.end() && It->first == At)
          ++Held;
      }
    }
    for (unsigned I = 0; I < Children->length; ++I)
      Stack.push_back(static_cast<const GumboNode *>(Children->data[I]));
  }
  return Held == Shifts.size();
}

/// gumbo drops a lone end tag; inside Markdown, "</div>" or "</br>" still
/// ends the block the way the old scanner did.
void GumboReader::loneEndTag() {
  llvm::StringRef S = Buf.trim();
  if (!S.startswith("</") || !S.endswith(">"))
    return;
  llvm::StringRef Name =
      S.drop_front(2).take_while([](char C) { return llvm::isAlnum(C); });
  std::string Lower = Name.lower();
  GumboTag T = gumbo_tag_enum(Lower.c_str());
  if (T == GUMBO_TAG_BR || (isBlockTag(T) && T != GUMBO_TAG_TITLE))
    B.endBlock();
}

const GumboVector *childrenOf(const GumboNode *N) {
  if (N->type == GUMBO_NODE_DOCUMENT)
    return &N->v.document.children;
  if (N->type == GUMBO_NODE_ELEMENT || N->type == GUMBO_NODE_TEMPLATE)
    return &N->v.element.children;
  return nullptr;
}

void GumboReader::walk(const GumboNode *Root) {
  struct Frame {
    const GumboNode *Node;
    unsigned Child;
    BlockKind SavedKind;
    bool Block;
    bool Skipping;
  };
  BlockKind CurKind = DefaultKind;
  uint32_t Cur = newBlock(DefaultKind);
  unsigned Skip = 0;
  std::vector<Frame> Stack;
  Stack.push_back({Root, 0, CurKind, false, false});
  while (!Stack.empty()) {
    Frame &F = Stack.back();
    const GumboVector *Children = childrenOf(F.Node);
    if (!Children || F.Child >= Children->length) {
      if (F.Skipping)
        --Skip;
      if (F.Block) {
        CurKind = F.SavedKind;
        Cur = newBlock(CurKind);
      }
      Stack.pop_back();
      continue;
    }
    const auto *N = static_cast<const GumboNode *>(Children->data[F.Child++]);
    switch (N->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
      if (!Skip)
        textNode(N->v.text, Cur);
      continue;
    case GUMBO_NODE_COMMENT:
      comment(N->v.text);
      continue;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
      break;
    default:
      continue;
    }
    const GumboElement &E = N->v.element;
    Frame NF{N, 0, CurKind, false, false};
    if (Skip || N->type == GUMBO_NODE_TEMPLATE || isSkippedTag(E.tag) ||
        attribute(E, "hidden")) {
      if (!Skip) {
        if (E.tag == GUMBO_TAG_SCRIPT)
          jsonLd(E);
        // Keep the words on either side apart: "take <code>x</code> daily".
        markAt(E, RunKind::Space, Cur);
      }
      NF.Skipping = true;
      ++Skip;
      Stack.push_back(NF);
      continue;
    }
    switch (E.tag) {
    case GUMBO_TAG_IMG:
      attributeBlock(E, "alt", BlockKind::AltText);
      continue;
    case GUMBO_TAG_META:
      meta(E);
      continue;
    case GUMBO_TAG_BR:
    case GUMBO_TAG_HR:
      markAt(E, RunKind::Break, Cur);
      Cur = newBlock(CurKind);
      continue;
    default:
      break;
    }
    if (isBlockTag(E.tag)) {
      NF.Block = true;
      CurKind = ownKind(E.tag).getValueOr(CurKind);
      Cur = newBlock(CurKind);
      markAt(E, RunKind::Break, Cur);
    }
    Stack.push_back(NF);
  }
}

void GumboReader::markAt(const GumboElement &E, RunKind K, uint32_t Block) {
  if (!inBuffer(E.original_tag.data, E.original_tag.length) ||
      E.original_tag.length == 0)
    return; // an element the parser implied
  uint32_t At = off(E.original_tag.data);
  Runs.push_back({At, At, Block, K, false, nullptr, 0});
}

void GumboReader::textNode(const GumboText &T, uint32_t Block) {
  if (!T.text || T.original_text.length == 0 ||
      !inBuffer(T.original_text.data, T.original_text.length))
    return;
  uint32_t Begin = off(T.original_text.data);
  Runs.push_back({Begin, Begin + static_cast<uint32_t>(T.original_text.length),
                  Block, RunKind::Text, false, T.text,
                  static_cast<uint32_t>(std::strlen(T.text))});
}

void GumboReader::comment(const GumboText &T) {
  if (!inBuffer(T.original_text.data, T.original_text.length))
    return;
  llvm::StringRef Raw(T.original_text.data, T.original_text.length);
  if (!Raw.startswith("<!--"))
    return; // <!DOCTYPE ...>, <?xml ?> and other bogus comments
  uint32_t Limit = Base + static_cast<uint32_t>(Buf.size());
  Comments.push_back(commentAt(Text, Base + off(Raw.data()), Limit));
}

void GumboReader::attributeBlock(const GumboElement &E, const char *Name,
                                 BlockKind K) {
  const GumboAttribute *A = attribute(E, Name);
  if (!A || !A->value || !*A->value ||
      !inBuffer(A->original_value.data, A->original_value.length))
    return;
  llvm::StringRef Raw(A->original_value.data, A->original_value.length);
  if (Raw.size() >= 2 && (Raw.front() == '"' || Raw.front() == '\'') &&
      Raw.back() == Raw.front())
    Raw = Raw.drop_front().drop_back();
  else if (!Raw.empty() && (Raw.front() == '"' || Raw.front() == '\''))
    Raw = Raw.drop_front(); // left open at the end of input
  uint32_t Begin = off(Raw.data());
  Runs.push_back({Begin, Begin + static_cast<uint32_t>(Raw.size()), newBlock(K),
                  RunKind::Text, true, A->value,
                  static_cast<uint32_t>(std::strlen(A->value))});
}

void GumboReader::meta(const GumboElement &E) {
  llvm::StringRef Key = attributeValue(E, "name");
  if (Key.empty())
    Key = attributeValue(E, "property");
  if (Key.equals_insensitive("description") ||
      Key.equals_insensitive("og:description") ||
      Key.equals_insensitive("twitter:description"))
    attributeBlock(E, "content", BlockKind::Description);
  else if (Key.equals_insensitive("og:title") ||
           Key.equals_insensitive("twitter:title"))
    attributeBlock(E, "content", BlockKind::Title);
}

/// Reads the name and description strings of a JSON-LD block. A small
/// tolerant scanner: it tracks the key each value belongs to and never
/// fails; malformed JSON yields fewer strings, not an error.
void GumboReader::jsonLd(const GumboElement &E) {
  llvm::StringRef Type = attributeValue(E, "type");
  if (!Type.equals_insensitive("application/ld+json") || E.children.length != 1)
    return;
  const auto *N = static_cast<const GumboNode *>(E.children.data[0]);
  if (N->type != GUMBO_NODE_TEXT && N->type != GUMBO_NODE_WHITESPACE)
    return;
  const GumboText &T = N->v.text;
  if (!inBuffer(T.original_text.data, T.original_text.length))
    return;
  llvm::StringRef S(T.original_text.data, T.original_text.length);
  uint32_t Base0 = off(S.data());
  struct Container {
    bool Object;
    std::string Key; ///< the key this container is the value of
  };
  std::vector<Container> Stack;
  std::string LastKey;
  size_t I = 0;
  while (I < S.size()) {
    char C = S[I];
    if (C == '{' || C == '[') {
      Stack.push_back({C == '{', LastKey});
      LastKey.clear();
      ++I;
      continue;
    }
    if (C == '}' || C == ']') {
      if (!Stack.empty())
        Stack.pop_back();
      LastKey.clear();
      ++I;
      continue;
    }
    if (C != '"') {
      ++I;
      continue;
    }
    size_t Begin = I + 1, J = Begin;
    while (J < S.size() && S[J] != '"')
      J += S[J] == '\\' ? 2 : 1;
    size_t End = std::min(J, S.size());
    I = End + 1;
    size_t K = I;
    while (K < S.size() && isHtmlSpace(S[K]))
      ++K;
    bool InObject = !Stack.empty() && Stack.back().Object;
    if (InObject && K < S.size() && S[K] == ':') {
      LastKey = S.slice(Begin, End).str();
      I = K + 1;
      continue;
    }
    llvm::StringRef Key = InObject         ? llvm::StringRef(LastKey)
                          : !Stack.empty() ? llvm::StringRef(Stack.back().Key)
                                           : llvm::StringRef();
    if (auto Kind = jsonLdKind(Key))
      if (End > Begin)
        Runs.push_back({Base0 + static_cast<uint32_t>(Begin),
                        Base0 + static_cast<uint32_t>(End), newBlock(*Kind),
                        RunKind::Json, false, nullptr, 0});
    if (InObject)
      LastKey.clear();
  }
}

void GumboReader::emit() {
  if (!std::is_sorted(Runs.begin(), Runs.end(), [](const Run &X, const Run &Y) {
        return X.Begin < Y.Begin;
      }))
    std::stable_sort(Runs.begin(), Runs.end(), [](const Run &X, const Run &Y) {
      return X.Begin < Y.Begin;
    });
  // Text outside any block element continues the block the caller has open.
  uint32_t Open = B.inBlock() ? 0 : NoBlock;
  for (const Run &R : Runs) {
    if (R.Kind == RunKind::Break) {
      B.endBlock();
      Open = NoBlock;
      continue;
    }
    if (R.Kind == RunKind::Space) {
      if (B.inBlock() && R.Block == Open)
        B.addSpace(Base + R.Begin);
      continue;
    }
    if (R.Block != Open || !B.inBlock()) {
      B.endBlock();
      B.beginBlock(Kinds[R.Block]);
      Open = R.Block;
    }
    if (R.Kind == RunKind::Json)
      emitJson(R);
    else
      emitText(R);
  }
  std::sort(Comments.begin(), Comments.end(),
            [](const Comment &X, const Comment &Y) {
              return X.Source.Begin < Y.Source.Begin;
            });
  for (const Comment &C : Comments)
    B.addComment(C);
}

bool GumboReader::insideOnePiece(uint32_t Begin, uint32_t E) const {
  if (Pieces.size() == 1)
    return true;
  auto It = llvm::upper_bound(
      Pieces, Begin, [](uint32_t V, const Range &R) { return V < R.End; });
  return It != Pieces.end() && It->Begin <= Begin && E <= It->End;
}

/// Adds buffer bytes [Begin, End) as text; bytes between pieces read as a
/// word break.
void GumboReader::text(uint32_t Begin, uint32_t End) {
  Begin += Base;
  End += Base;
  if (Begin >= End)
    return;
  if (Pieces.size() == 1) {
    B.addText(Begin, End);
    return;
  }
  auto It = llvm::upper_bound(
      Pieces, Begin, [](uint32_t V, const Range &R) { return V < R.End; });
  uint32_t Pos = Begin;
  for (; It != Pieces.end() && It->Begin < End; ++It) {
    uint32_t A = std::max(Pos, It->Begin);
    if (A > Pos)
      B.addSpace(Pos);
    uint32_t Z = std::min(End, It->End);
    B.addText(A, Z);
    Pos = Z;
  }
  if (Pos < End)
    B.addSpace(Pos);
}

/// \p S stands for buffer bytes [Begin, End).
void GumboReader::replacement(llvm::StringRef S, uint32_t Begin, uint32_t End) {
  if (!insideOnePiece(Base + Begin, Base + End)) {
    text(Begin, End);
    return;
  }
  B.addReplacement(S, Base + Begin, Base + End);
}

unsigned utf8Length(llvm::StringRef S) {
  if (S.empty())
    return 0;
  auto C = static_cast<unsigned char>(S[0]);
  unsigned N = C < 0x80 ? 1 : C >= 0xF0 ? 4 : C >= 0xE0 ? 3 : C >= 0xC0 ? 2 : 1;
  return std::min<unsigned>(N, S.size());
}

/// A well-formed UTF-8 sequence starts at S[0].
bool validUtf8At(llvm::StringRef S) {
  auto C = static_cast<unsigned char>(S[0]);
  if (C < 0x80)
    return true;
  unsigned N = C >= 0xF5   ? 0
               : C >= 0xF0 ? 4
               : C >= 0xE0 ? 3
               : C >= 0xC2 ? 2
                           : 0;
  if (N == 0 || S.size() < N)
    return false;
  for (unsigned I = 1; I < N; ++I)
    if ((static_cast<unsigned char>(S[I]) & 0xC0) != 0x80)
      return false;
  auto C1 = static_cast<unsigned char>(S[1]);
  if ((C == 0xE0 && C1 < 0xA0) || (C == 0xED && C1 > 0x9F) ||
      (C == 0xF0 && C1 < 0x90) || (C == 0xF4 && C1 > 0x8F))
    return false;
  return true;
}

/// Aligns the raw bytes of a text node or attribute value with gumbo's
/// decoded text: equal runs map byte for byte, character references and line
/// ends map to their raw span, invalid UTF-8 stays as it is in the file (as
/// in the other readers). What cannot be aligned maps as one piece.
void GumboReader::emitText(const Run &R) {
  llvm::StringRef Raw = Buf.slice(R.Begin, R.End);
  llvm::StringRef Dec(R.Decoded, R.DecodedLen);
  if (Raw == Dec) {
    text(R.Begin, R.End);
    return;
  }
  static const llvm::StringRef Fffd = "\xEF\xBF\xBD";
  size_t I = 0, J = 0;
  auto At = [&](size_t K) { return static_cast<uint32_t>(R.Begin + K); };
  while (I < Raw.size()) {
    size_t K = 0;
    while (I + K < Raw.size() && J + K < Dec.size() &&
           Raw[I + K] == Dec[J + K] && Raw[I + K] != '&')
      ++K;
    if (K) {
      text(At(I), At(I + K));
      I += K;
      J += K;
      continue;
    }
    char C = Raw[I];
    llvm::StringRef Rest = Dec.substr(J);
    if (C == '\r' && Rest.startswith("\n")) {
      size_t N = I + 1 < Raw.size() && Raw[I + 1] == '\n' ? 2 : 1;
      text(At(I), At(I + N));
      I += N;
      J += 1;
      continue;
    }
    if (C == '&') {
      unsigned N =
          decodeReference(Raw.substr(I), Scratch, /*Html=*/true, R.InAttribute);
      if (N && Rest.startswith(Scratch)) {
        replacement(Scratch, At(I), At(I + N));
        I += N;
        J += Scratch.size();
        continue;
      }
      if (Rest.startswith("&")) { // a literal '&'
        text(At(I), At(I + 1));
        ++I;
        ++J;
        continue;
      }
      // A reference our table lacks: '&' name [';'] for one or two code
      // points; accept the split at which both sides continue alike.
      size_t E = I + 1;
      while (E < Raw.size() && llvm::isAlnum(Raw[E]))
        ++E;
      if (E < Raw.size() && Raw[E] == ';')
        ++E;
      bool Done = false;
      size_t L = 0;
      for (int CodePoints = 0; E > I + 1 && CodePoints < 2 && !Done;
           ++CodePoints) {
        if (L >= Rest.size())
          break;
        L += utf8Length(Rest.substr(L));
        bool Sync = E == Raw.size() ? L == Rest.size()
                                    : L < Rest.size() && Rest[L] == Raw[E];
        if (Sync) {
          replacement(Rest.take_front(L), At(I), At(E));
          I = E;
          J += L;
          Done = true;
        }
      }
      if (Done)
        continue;
    }
    if (C == '<') {
      // A tag the parser ignored ("a</x>b" is one text node "ab").
      size_t Gt = Raw.find('>', I);
      if (Gt != llvm::StringRef::npos) {
        I = Gt + 1;
        continue;
      }
    }
    if (C == '\0') {
      if (Rest.startswith(Fffd)) {
        replacement(Fffd, At(I), At(I + 1));
        J += Fffd.size();
      }
      ++I;
      continue;
    }
    if (static_cast<unsigned char>(C) >= 0x80 && !validUtf8At(Raw.substr(I)) &&
        Rest.startswith(Fffd)) {
      size_t E = I;
      while (E < Raw.size() && static_cast<unsigned char>(Raw[E]) >= 0x80 &&
             !validUtf8At(Raw.substr(E)))
        ++E;
      while (Dec.substr(J).startswith(Fffd))
        J += Fffd.size();
      text(At(I), At(E));
      I = E;
      continue;
    }
    // Out of step: the rest of the node maps as one piece, its white space
    // collapsed so that no '\n' enters a block.
    std::string Flat;
    bool Space = false;
    for (char D : Rest) {
      if (isHtmlSpace(D)) {
        Space = true;
        continue;
      }
      if (Space && !Flat.empty())
        Flat.push_back(' ');
      Space = false;
      Flat.push_back(D);
    }
    if (!Flat.empty())
      replacement(Flat, At(I), At(Raw.size()));
    return;
  }
}

/// A JSON string's content: literal runs as text, escapes as replacements.
void GumboReader::emitJson(const Run &R) {
  llvm::StringRef S = Buf.slice(R.Begin, R.End);
  size_t Run0 = 0, I = 0;
  auto At = [&](size_t K) { return static_cast<uint32_t>(R.Begin + K); };
  auto Hex4 = [&](size_t P, uint32_t &V) {
    if (P + 4 > S.size())
      return false;
    V = 0;
    for (size_t K = P; K < P + 4; ++K) {
      if (!llvm::isHexDigit(S[K]))
        return false;
      V = V * 16 + llvm::hexDigitValue(S[K]);
    }
    return true;
  };
  while (I < S.size()) {
    if (S[I] != '\\' || I + 1 >= S.size()) {
      ++I;
      continue;
    }
    text(At(Run0), At(I));
    char E = S[I + 1];
    size_t N = 2;
    Scratch.clear();
    uint32_t V = 0, Low = 0;
    switch (E) {
    case 'n':
    case 'r':
    case 't':
    case 'b':
    case 'f':
      Scratch = " ";
      break;
    case 'u':
      if (!Hex4(I + 2, V)) {
        Scratch = "\\";
        N = 1;
        break;
      }
      N = 6;
      if (V >= 0xD800 && V <= 0xDBFF && I + 12 <= S.size() &&
          S[I + 6] == '\\' && S[I + 7] == 'u' && Hex4(I + 8, Low) &&
          Low >= 0xDC00 && Low <= 0xDFFF) {
        V = 0x10000 + ((V - 0xD800) << 10) + (Low - 0xDC00);
        N = 12;
      } else if (V >= 0xD800 && V <= 0xDFFF) {
        V = 0xFFFD;
      }
      appendUtf8(V == 0 ? 0xFFFD : V, Scratch);
      break;
    default:
      Scratch.assign(1, E);
      break;
    }
    replacement(Scratch, At(I), At(I + N));
    I += N;
    Run0 = I;
  }
  text(At(Run0), At(S.size()));
}

} // namespace

void readHtmlFragment(llvm::StringRef Text, llvm::ArrayRef<Range> Pieces,
                      BlockKind Kind, ProseBuilder &B, bool CutRawText) {
  GumboReader(Text, Pieces, Kind, B, CutRawText).run();
}

uint64_t htmlBytesCut() { return BytesCut; }

Prose readHtml(llvm::StringRef Text, bool CutRawText) {
  ProseBuilder B(Text);
  // Offsets are 32-bit; a larger file is read up to 4 GiB.
  auto Size = static_cast<uint32_t>(std::min<size_t>(Text.size(), UINT32_MAX));
  uint32_t Start = Text.startswith("\xEF\xBB\xBF") ? 3 : 0;
  if (Start < Size) {
    Range All{Start, Size};
    readHtmlFragment(Text, All, BlockKind::Paragraph, B, CutRawText);
  }
  return B.take();
}

} // namespace claimlint
