//===- Context/Lexicon.cpp - Context cue lexicons -------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// Reads rules/lexicon.json and the "lexicon" member of .claimlint.json. This
// is the parse boundary: nlohmann exceptions stop here and become located
// errors. nlohmann does not keep positions, so a small scanner walks the JSON
// text to the entry at fault (object keys and array indices) to find its byte
// offset.
//
//===----------------------------------------------------------------------===//

#include "Context/Lexicon.h"

#include "Match/Phrase.h"
#include "Support/Error.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>

namespace claimlint {

namespace {

struct KindName {
  CueKind Kind;
  const char *Name;
};

constexpr KindName KindNames[] = {
    {CueKind::Hedge, "hedge"},
    {CueKind::QuantifierHedge, "quantifierHedge"},
    {CueKind::EvidenceLimit, "evidenceLimit"},
    {CueKind::InadequateQualifier, "inadequateQualifier"},
    {CueKind::Booster, "booster"},
    {CueKind::PreNegation, "preNegation"},
    {CueKind::PostNegation, "postNegation"},
    {CueKind::PseudoNegation, "pseudoNegation"},
    {CueKind::ClaimNegation, "claimNegation"},
    {CueKind::Termination, "termination"},
    {CueKind::Reporting, "reporting"},
    {CueKind::Evidence, "evidence"},
    {CueKind::Annotation, "annotation"},
    {CueKind::ClauseOpener, "clauseOpener"},
};

} // namespace

llvm::StringRef cueKindName(CueKind K) {
  for (const KindName &N : KindNames)
    if (N.Kind == K)
      return N.Name;
  return "cue";
}

llvm::Optional<CueKind> parseCueKind(llvm::StringRef Name) {
  for (const KindName &N : KindNames)
    if (Name == N.Name)
      return N.Kind;
  return llvm::None;
}

llvm::StringRef cueScopeName(CueScope S) {
  switch (S) {
  case CueScope::Default:
    return "default";
  case CueScope::Window:
    return "window";
  case CueScope::Clause:
    return "clause";
  case CueScope::Sentence:
    return "sentence";
  }
  return "default";
}

CueScope defaultScope(CueKind K) {
  switch (K) {
  case CueKind::Hedge:
  case CueKind::QuantifierHedge:
  case CueKind::PreNegation:
  case CueKind::PostNegation:
    return CueScope::Window;
  case CueKind::Booster:
  case CueKind::Reporting:
    return CueScope::Clause;
  case CueKind::EvidenceLimit:
  case CueKind::InadequateQualifier:
  case CueKind::Evidence:
  case CueKind::Annotation:
    return CueScope::Sentence;
  case CueKind::PseudoNegation:
  case CueKind::ClaimNegation:
  case CueKind::Termination:
  case CueKind::ClauseOpener:
    return CueScope::Default; // they mask or bound; they have no reach
  }
  return CueScope::Sentence;
}

size_t Lexicon::count(CueKind K) const {
  size_t N = 0;
  for (const CueClass &C : Classes)
    if (C.Kind == K)
      N += C.Phrases.size() + C.Patterns.size();
  return N;
}

namespace {

/// One step of a path into a JSON document: a member name or an index.
struct PathElem {
  std::string Key;
  size_t Index = 0;
  bool IsKey = true;
  static PathElem key(llvm::StringRef K) { return {K.str(), 0, true}; }
  static PathElem index(size_t I) { return {"", I, false}; }
};
using JsonPath = std::vector<PathElem>;

JsonPath operator+(JsonPath P, PathElem E) {
  P.push_back(std::move(E));
  return P;
}

/// Finds byte offsets of values in JSON text that nlohmann already accepted.
class JsonScanner {
public:
  explicit JsonScanner(llvm::StringRef T) : T(T) {}

  /// Offset of the value at \p Path (of its member name with \p WantKey), or
  /// 0 when it cannot be found.
  size_t find(const JsonPath &Path, bool WantKey) {
    P = 0;
    ws();
    for (size_t I = 0; I < Path.size(); ++I) {
      const PathElem &E = Path[I];
      bool Last = I + 1 == Path.size();
      if (E.IsKey) {
        if (!eat('{'))
          return 0;
        bool Found = false;
        while (P < T.size() && T[P] != '}') {
          size_t KeyPos = P;
          std::string K;
          if (!readString(K))
            return 0;
          ws();
          if (!eat(':'))
            return 0;
          if (K == E.Key) {
            if (Last && WantKey)
              return KeyPos;
            Found = true;
            break;
          }
          if (!skipValue())
            return 0;
          ws();
          if (!eat(','))
            return 0;
        }
        if (!Found)
          return 0;
      } else {
        if (!eat('['))
          return 0;
        for (size_t N = 0; N < E.Index; ++N) {
          if (P >= T.size() || T[P] == ']' || !skipValue())
            return 0;
          ws();
          if (!eat(','))
            return 0;
        }
        if (P >= T.size() || T[P] == ']')
          return 0;
      }
    }
    return P;
  }

  /// The offset in the text of byte \p Decoded of the string literal that
  /// starts (with its quote) at \p Quote.
  size_t offsetInString(size_t Quote, size_t Decoded) const {
    size_t Q = Quote + 1, D = 0;
    while (D < Decoded && Q < T.size() && T[Q] != '"') {
      if (T[Q] == '\\' && Q + 1 < T.size()) {
        if (T[Q + 1] == 'u' && Q + 6 <= T.size()) {
          unsigned CP = 0;
          T.substr(Q + 2, 4).getAsInteger(16, CP);
          if (CP >= 0xD800 && CP < 0xDC00 && Q + 12 <= T.size()) {
            D += 4;
            Q += 12;
          } else {
            D += CP < 0x80 ? 1 : CP < 0x800 ? 2 : 3;
            Q += 6;
          }
        } else {
          D += 1;
          Q += 2;
        }
      } else {
        ++D;
        ++Q;
      }
    }
    return Q;
  }

private:
  void ws() {
    while (P < T.size() &&
           (T[P] == ' ' || T[P] == '\t' || T[P] == '\n' || T[P] == '\r'))
      ++P;
  }
  bool eat(char C) {
    ws();
    if (P >= T.size() || T[P] != C)
      return false;
    ++P;
    ws();
    return true;
  }
  bool readString(std::string &Out) {
    if (P >= T.size() || T[P] != '"')
      return false;
    ++P;
    while (P < T.size() && T[P] != '"') {
      if (T[P] == '\\' && P + 1 < T.size()) {
        char E = T[P + 1];
        P += 2;
        switch (E) {
        case 'n':
          Out += '\n';
          break;
        case 't':
          Out += '\t';
          break;
        case 'r':
          Out += '\r';
          break;
        case 'b':
          Out += '\b';
          break;
        case 'f':
          Out += '\f';
          break;
        case 'u': {
          unsigned CP = 0;
          T.substr(P, 4).getAsInteger(16, CP);
          P += 4;
          if (CP < 0x80) {
            Out += static_cast<char>(CP);
          } else if (CP < 0x800) {
            Out += static_cast<char>(0xC0 | (CP >> 6));
            Out += static_cast<char>(0x80 | (CP & 0x3F));
          } else {
            Out += static_cast<char>(0xE0 | (CP >> 12));
            Out += static_cast<char>(0x80 | ((CP >> 6) & 0x3F));
            Out += static_cast<char>(0x80 | (CP & 0x3F));
          }
          break;
        }
        default:
          Out += E;
        }
        continue;
      }
      Out += T[P++];
    }
    if (P >= T.size())
      return false;
    ++P;
    return true;
  }
  bool skipValue() {
    ws();
    if (P >= T.size())
      return false;
    char C = T[P];
    if (C == '"') {
      std::string Ignored;
      return readString(Ignored);
    }
    if (C == '{' || C == '[') {
      char Close = C == '{' ? '}' : ']';
      ++P;
      ws();
      if (P < T.size() && T[P] == Close) {
        ++P;
        return true;
      }
      while (P < T.size()) {
        if (C == '{') {
          std::string Ignored;
          if (!readString(Ignored) || !eat(':'))
            return false;
        }
        if (!skipValue())
          return false;
        ws();
        if (P < T.size() && T[P] == ',') {
          ++P;
          ws();
          continue;
        }
        if (P < T.size() && T[P] == Close) {
          ++P;
          return true;
        }
        return false;
      }
      return false;
    }
    while (P < T.size() && !llvm::StringRef(",]} \t\n\r").contains(T[P]))
      ++P;
    return true;
  }

  llvm::StringRef T;
  size_t P = 0;
};

/// Turns problems with entries of the lexicon JSON into located errors.
class Locator {
public:
  Locator(llvm::StringRef Path, llvm::StringRef Text, bool Check = true)
      : Check(Check), Path(Path), Text(Text), Scan(Text) {}

  /// False for the built-in lexicon: its phrases and patterns are not
  /// compiled one by one to find errors (a test parses it with checks).
  const bool Check;

  llvm::Error at(const JsonPath &P, const llvm::Twine &Msg,
                 bool AtKey = false) {
    return make(Scan.find(P, AtKey), Msg);
  }
  /// An error at byte \p Decoded of the string value at \p P.
  llvm::Error inString(const JsonPath &P, size_t Decoded,
                       const llvm::Twine &Msg) {
    size_t Quote = Scan.find(P, false);
    if (Quote < Text.size() && Text[Quote] == '"')
      return make(Scan.offsetInString(Quote, Decoded), Msg);
    return make(Quote, Msg);
  }
  llvm::Error make(size_t Offset, const llvm::Twine &Msg) {
    return llvm::make_error<LocatedError>(Path.str(), Text.str(), Offset,
                                          Msg.str());
  }

private:
  llvm::StringRef Path;
  llvm::StringRef Text;
  JsonScanner Scan;
};

std::string classList() {
  std::string S;
  for (const KindName &N : KindNames) {
    if (N.Kind == CueKind::Annotation)
      continue;
    if (!S.empty())
      S += ", ";
    S += N.Name;
  }
  return S;
}

bool hasScope(CueKind K) { return defaultScope(K) != CueScope::Default; }

llvm::Optional<CueScope> parseScope(llvm::StringRef S) {
  if (S == "default")
    return CueScope::Default;
  if (S == "window")
    return CueScope::Window;
  if (S == "clause")
    return CueScope::Clause;
  if (S == "sentence")
    return CueScope::Sentence;
  return llvm::None;
}

/// Checks one phrase; on failure sets \p Offset (in the phrase) and \p Msg.
bool checkPhrase(llvm::StringRef Phrase, size_t &Offset, std::string &Msg) {
  static const Vocabulary NoVocabulary;
  size_t ErrOff = 0;
  auto Re = phraseToRegex(Phrase, NoVocabulary, /*Bounded=*/true, ErrOff);
  if (!Re) {
    Offset = ErrOff;
    Msg = "invalid phrase: " + llvm::toString(Re.takeError());
    return false;
  }
  // Parsed only: a set compiles nothing until Compile(), and the Analyzer
  // compiles every phrase once anyway (same words in its errors as RE2's).
  RE2::Options O;
  O.set_log_errors(false);
  O.set_case_sensitive(false);
  RE2::Set Parse(O, RE2::UNANCHORED);
  std::string Error;
  if (Parse.Add(*Re, &Error) < 0) {
    Offset = 0;
    Msg = "invalid phrase: " + Error;
    return false;
  }
  return true;
}

/// Checks one RE2 pattern; on failure sets \p Offset (in the pattern).
bool checkPattern(llvm::StringRef Pattern, size_t &Offset, std::string &Msg) {
  if (Pattern.empty()) {
    Offset = 0;
    Msg = "empty pattern";
    return false;
  }
  RE2::Options O;
  O.set_log_errors(false);
  O.set_case_sensitive(true);
  RE2 Compiled(re2::StringPiece(Pattern.data(), Pattern.size()), O);
  if (Compiled.ok()) {
    // An empty match would make a cue out of nothing.
    if (RE2::FullMatch("", Compiled)) {
      Offset = 0;
      Msg = "pattern matches the empty string";
      return false;
    }
    return true;
  }
  std::string Arg = Compiled.error_arg();
  size_t At = Arg.empty() ? llvm::StringRef::npos : Pattern.find(Arg);
  Offset = At == llvm::StringRef::npos ? 0 : At;
  Msg = "invalid pattern: " + Compiled.error();
  return false;
}

/// Reads a list of strings at \p P into \p Out, checking each with \p Check.
template <typename CheckFn>
llvm::Error readStrings(const nlohmann::json &V, const JsonPath &P,
                        llvm::StringRef What, Locator &Loc,
                        std::vector<std::string> &Out, CheckFn Check) {
  if (!V.is_array())
    return Loc.at(P, "'" + What + "' must be a list of strings");
  for (size_t I = 0; I < V.size(); ++I) {
    const auto &E = V[I];
    if (!E.is_string())
      return Loc.at(P + PathElem::index(I),
                    "'" + What + "' entries must be strings");
    const std::string &S = E.get_ref<const std::string &>();
    size_t Off = 0;
    std::string Msg;
    if (!Check(S, Off, Msg))
      return Loc.inString(P + PathElem::index(I), Off, Msg);
    Out.push_back(S);
  }
  return llvm::Error::success();
}

/// Removes \p Entry from every phrase and pattern list of kind \p K.
bool removeEntry(Lexicon &L, CueKind K, const std::string &Entry) {
  bool Found = false;
  for (CueClass &C : L.Classes) {
    if (C.Kind != K)
      continue;
    for (auto *List : {&C.Phrases, &C.Patterns}) {
      auto It = std::remove(List->begin(), List->end(), Entry);
      if (It != List->end()) {
        Found = true;
        List->erase(It, List->end());
      }
    }
  }
  return Found;
}

llvm::Error readGroup(Lexicon &L, CueKind K, const nlohmann::json &G,
                      const JsonPath &P, Locator &Loc) {
  llvm::StringRef Name = cueKindName(K);
  if (!G.is_object())
    return Loc.at(P, "class '" + Name +
                         "' must be an object {\"phrases\": [...], "
                         "\"patterns\": [...]} or a list of them");
  CueClass C;
  C.Kind = K;
  // "remove" first, so a group can replace an entry with a new spelling.
  if (G.contains("remove")) {
    std::vector<std::string> Removed;
    JsonPath RP = P + PathElem::key("remove");
    auto Any = [](llvm::StringRef, size_t &, std::string &) { return true; };
    if (llvm::Error E =
            readStrings(G["remove"], RP, "remove", Loc, Removed, Any))
      return E;
    for (size_t I = 0; I < Removed.size(); ++I)
      if (!removeEntry(L, K, Removed[I]))
        return Loc.at(RP + PathElem::index(I),
                      "'" + Removed[I] + "' is not an entry of class '" + Name +
                          "'");
  }
  for (const auto &Item : G.items()) {
    const std::string &Key = Item.key();
    JsonPath KP = P + PathElem::key(Key);
    const auto &V = Item.value();
    if (Key == "phrases") {
      if (llvm::Error E =
              readStrings(V, KP, "phrases", Loc, C.Phrases,
                          [&](llvm::StringRef S, size_t &Off, std::string &M) {
                            return !Loc.Check || checkPhrase(S, Off, M);
                          }))
        return E;
    } else if (Key == "patterns") {
      if (llvm::Error E =
              readStrings(V, KP, "patterns", Loc, C.Patterns,
                          [&](llvm::StringRef S, size_t &Off, std::string &M) {
                            return !Loc.Check || checkPattern(S, Off, M);
                          }))
        return E;
    } else if (Key == "scope") {
      llvm::Optional<CueScope> S;
      if (V.is_string())
        S = parseScope(V.get_ref<const std::string &>());
      if (!S)
        return Loc.at(KP, "'scope' must be \"window\", \"clause\" or "
                          "\"sentence\"");
      if (*S != CueScope::Default && !hasScope(K))
        return Loc.at(KP, "class '" + Name +
                              "' has no scope: its cues mask or bound others");
      C.Scope = *S;
    } else if (Key == "remove" || Key == "description" || Key == "note" ||
               Key == "comment") {
      continue;
    } else {
      return Loc.at(KP,
                    "unknown key '" + Key + "' in class '" + Name +
                        "' (expected phrases, patterns, scope or remove)",
                    /*AtKey=*/true);
    }
  }
  if (!C.Phrases.empty() || !C.Patterns.empty())
    L.Classes.push_back(std::move(C));
  return llvm::Error::success();
}

llvm::Error applyJson(Lexicon &L, const nlohmann::json &J,
                      const JsonPath &Prefix, Locator &Loc) {
  if (!J.is_object())
    return Loc.at(Prefix, "a lexicon must be a JSON object of cue classes");
  for (const auto &Item : J.items()) {
    const std::string &Key = Item.key();
    const auto &V = Item.value();
    JsonPath KP = Prefix + PathElem::key(Key);
    if (Key == "$schema" || Key == "description" || Key == "comment" ||
        Key == "version")
      continue;
    if (Key == "scopeWords") {
      if (!V.is_number_unsigned() || V.get<uint64_t>() < 1 ||
          V.get<uint64_t>() > 64)
        return Loc.at(KP, "'scopeWords' must be a whole number from 1 to 64");
      L.ScopeWords = static_cast<unsigned>(V.get<uint64_t>());
      continue;
    }
    llvm::Optional<CueKind> K = parseCueKind(Key);
    if (!K)
      return Loc.at(KP,
                    "unknown lexicon class '" + Key + "' (expected one of " +
                        classList() + ")",
                    /*AtKey=*/true);
    if (*K == CueKind::Annotation)
      return Loc.at(KP,
                    "'annotation' cues come from claimlint-evidence comments "
                    "and cannot be listed",
                    /*AtKey=*/true);
    if (V.is_array()) {
      for (size_t I = 0; I < V.size(); ++I)
        if (llvm::Error E =
                readGroup(L, *K, V[I], KP + PathElem::index(I), Loc))
          return E;
    } else if (llvm::Error E = readGroup(L, *K, V, KP, Loc)) {
      return E;
    }
  }
  return llvm::Error::success();
}

} // namespace

llvm::Expected<Lexicon> Lexicon::parse(llvm::StringRef Path,
                                       llvm::StringRef Text, bool Check) {
  nlohmann::json J;
  try {
    J = nlohmann::json::parse(Text.begin(), Text.end());
  } catch (const nlohmann::json::parse_error &E) {
    size_t Byte = E.byte > 0 ? E.byte - 1 : 0;
    std::string Msg = E.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 2:
    // syntax error ..." -> keep the part after the location.
    size_t Colon = Msg.find(": ");
    if (Colon != std::string::npos)
      Msg = Msg.substr(Colon + 2);
    return llvm::make_error<LocatedError>(Path.str(), Text.str(), Byte,
                                          "malformed JSON: " + Msg);
  } catch (const nlohmann::json::exception &E) {
    return llvm::make_error<LocatedError>(
        Path.str(), Text.str(), 0, std::string("malformed JSON: ") + E.what());
  }
  Lexicon L;
  Locator Loc(Path, Text, Check);
  if (llvm::Error E = applyJson(L, J, {}, Loc))
    return E;
  L.Trusted = !Check;
  return L;
}

llvm::Expected<Lexicon> Lexicon::load(llvm::StringRef Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf)
    return makeError("cannot read lexicon '" + Path +
                     "': " + Buf.getError().message());
  return parse(Path, (*Buf)->getBuffer());
}

llvm::Error Lexicon::extend(const nlohmann::json &Extra, llvm::StringRef Path,
                            llvm::StringRef Text) {
  // Locate errors under "lexicon" when Text is a .claimlint.json.
  JsonPath Prefix;
  nlohmann::json Whole =
      nlohmann::json::parse(Text.begin(), Text.end(), nullptr,
                            /*allow_exceptions=*/false);
  if (Whole.is_object() && Whole.contains("lexicon"))
    Prefix.push_back(PathElem::key("lexicon"));
  Locator Loc(Path, Text);
  // Work on a copy so a failed extension leaves this lexicon unchanged.
  Lexicon Copy = *this;
  if (llvm::Error E = applyJson(Copy, Extra, Prefix, Loc))
    return E;
  *this = std::move(Copy);
  Trusted = false;
  return llvm::Error::success();
}

} // namespace claimlint
