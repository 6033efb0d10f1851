//===- Rules/RuleLoader.cpp - Rule packs from JSON ------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Rules/RuleLoader.h"

#include "Match/PatternSet.h"
#include "Match/Phrase.h"
#include "Rules/Builtin.h"
#include "Rules/JsonLocation.h"
#include "Support/Error.h"
#include "Support/FileSystem.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <map>

namespace claimlint {

using nlohmann::json;

namespace {

/// Collects located errors for one file.
class FileErrors {
public:
  FileErrors(const SourceText &F) : F(F) {}
  void add(llvm::StringRef Pointer, const llvm::Twine &Msg) {
    Err = llvm::joinErrors(std::move(Err),
                           jsonError(F.Path, F.Text, Pointer, Msg));
  }
  void addAt(size_t Offset, const llvm::Twine &Msg) {
    Err = llvm::joinErrors(
        std::move(Err),
        llvm::make_error<LocatedError>(F.Path, F.Text, Offset, Msg.str()));
  }
  llvm::Error take() { return std::move(Err); }

private:
  const SourceText &F;
  llvm::Error Err = llvm::Error::success();
};

const std::set<std::string> RuleKeys = {
    "$schema",     "id",          "kind",
    "severity",    "summary",     "message",
    "note",        "hedgeImmune", "quantifierHedges",
    "context",     "phrases",     "patterns",
    "triggers",    "exceptions",  "exceptionPatterns",
    "suggestions", "rationale",   "references",
    "examples",    "requires",    "profiles",
    "tags"};

bool getString(const json &J, const char *Key, std::string &Out, FileErrors &E,
               bool Required) {
  auto It = J.find(Key);
  if (It == J.end()) {
    if (Required)
      E.add("", llvm::Twine("missing required key '") + Key + "'");
    return false;
  }
  if (!It->is_string()) {
    E.add(std::string("/") + Key,
          llvm::Twine("'") + Key + "' must be a string");
    return false;
  }
  Out = It->get<std::string>();
  return true;
}

bool getStringList(const json &J, const std::string &Key,
                   const std::string &Ptr, std::vector<std::string> &Out,
                   FileErrors &E) {
  auto It = J.find(Key);
  if (It == J.end())
    return false;
  if (!It->is_array()) {
    E.add(Ptr, "'" + Key + "' must be a list of strings");
    return false;
  }
  for (size_t I = 0; I < It->size(); ++I) {
    const json &V = (*It)[I];
    if (!V.is_string()) {
      E.add(Ptr + "/" + std::to_string(I),
            "'" + Key + "' entries must be strings");
      continue;
    }
    Out.push_back(V.get<std::string>());
  }
  return true;
}

bool getBool(const json &J, const char *Key, bool &Out, FileErrors &E) {
  auto It = J.find(Key);
  if (It == J.end())
    return false;
  if (!It->is_boolean()) {
    E.add(std::string("/") + Key,
          llvm::Twine("'") + Key + "' must be true or false");
    return false;
  }
  Out = It->get<bool>();
  return true;
}

/// Compiles phrases (and patterns) at \p Ptr into \p Out; with \p Later,
/// leaves their regexes empty (triggerPhrasesRegex() translates them).
void compilePhrases(const std::vector<std::string> &Phrases,
                    const std::string &Ptr, const Vocabulary &Vocab,
                    const SourceText &F, FileErrors &E,
                    std::vector<CompiledPattern> &Out, bool Later = false) {
  for (size_t I = 0; I < Phrases.size(); ++I) {
    size_t ErrOff = 0;
    std::string P = Ptr + "/" + std::to_string(I);
    if (Later) {
      Out.push_back({std::string(), true, P});
      continue;
    }
    auto R = phraseToRegex(Phrases[I], Vocab, /*Bounded=*/true, ErrOff);
    if (!R) {
      // Point into the string: its opening quote plus the offset, roughly.
      size_t At = locateJsonPointer(F.Text, P) + 1 + ErrOff;
      E.addAt(At, "invalid phrase: " + llvm::toString(R.takeError()));
      continue;
    }
    Out.push_back({*R, true, P});
  }
}

void compilePatterns(const std::vector<std::string> &Patterns,
                     const std::string &Ptr, const Vocabulary &Vocab,
                     const SourceText &F, FileErrors &E,
                     std::vector<CompiledPattern> &Out) {
  for (size_t I = 0; I < Patterns.size(); ++I) {
    size_t ErrOff = 0;
    std::string P = Ptr + "/" + std::to_string(I);
    auto R = expandVocabulary(Patterns[I], Vocab, ErrOff);
    if (!R) {
      E.addAt(locateJsonPointer(F.Text, P) + 1 + ErrOff,
              "invalid pattern: " + llvm::toString(R.takeError()));
      continue;
    }
    Out.push_back({*R, false, P});
  }
}

/// Finds the "{match}" and "{LIST|LIST}" slots of a suggestion
/// (Rules/Suggestion.h). Other text in braces is left as written.
void parseSlots(Suggestion &Sg, const Vocabulary &Vocab, const std::string &Ptr,
                const SourceText &F, FileErrors &E) {
  llvm::StringRef T = Sg.Text;
  for (size_t At = T.find('{'); At != llvm::StringRef::npos;
       At = T.find('{', At + 1)) {
    size_t Close = T.find('}', At);
    if (Close == llvm::StringRef::npos)
      break;
    llvm::StringRef Inner = T.slice(At + 1, Close);
    if (Inner.empty() ||
        Inner.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                "abcdefghijklmnopqrstuvwxyz0123456789_|") !=
            llvm::StringRef::npos)
      continue;
    SuggestionSlot Slot;
    Slot.Begin = At;
    Slot.End = Close + 1;
    if (Inner != "match") {
      llvm::SmallVector<llvm::StringRef, 4> Names;
      Inner.split(Names, '|');
      for (llvm::StringRef Name : Names) {
        auto It = Vocab.find(Name);
        if (It == Vocab.end()) {
          E.addAt(locateJsonPointer(F.Text, Ptr) + 1 + At,
                  "unknown vocabulary term list '{" + Name.str() +
                      "}' in a suggestion");
          return;
        }
        Slot.Lists.push_back(
            std::make_shared<TermFinder>(Name.str(), It->second));
      }
    }
    Sg.Slots.push_back(std::move(Slot));
  }
}

} // namespace

llvm::Expected<Rule> parseRule(const SourceText &F, llvm::StringRef Pack,
                               const Vocabulary &Vocab) {
  auto Parsed = parseJson(F.Path, F.Text);
  if (!Parsed)
    return Parsed.takeError();
  const json &J = *Parsed;
  FileErrors E(F);
  Rule R;
  R.Path = F.Path;
  R.Pack = Pack.str();
  R.SourceText = std::make_shared<const std::string>(F.Text);
  if (!J.is_object()) {
    E.add("", "a rule file must hold a JSON object");
    return E.take();
  }
  for (auto It = J.begin(); It != J.end(); ++It)
    if (!RuleKeys.count(It.key()))
      E.add("/" + It.key(), "unknown key '" + It.key() + "'");

  std::string Stem = llvm::sys::path::stem(F.Path).str();
  std::string Expected = Pack.str() + "/" + Stem;
  if (getString(J, "id", R.Id, E, true) && R.Id != Expected)
    E.add("/id",
          "rule id '" + R.Id + "' must match its path: '" + Expected + "'");
  std::string Kind = "claim";
  getString(J, "kind", Kind, E, false);
  if (Kind == "claim")
    R.Kind = RuleKind::Claim;
  else if (Kind == "document")
    R.Kind = RuleKind::Document;
  else
    E.add("/kind", "kind must be 'claim' or 'document', not '" + Kind + "'");
  std::string Sev;
  if (getString(J, "severity", Sev, E, true)) {
    if (auto S = parseSeverity(Sev))
      R.Sev = *S;
    else
      E.add("/severity",
            "severity must be 'error', 'warning' or 'info', not '" + Sev + "'");
  }
  getString(J, "summary", R.Summary, E, true);
  if (getString(J, "message", R.Message, E, true)) {
    if (!R.Message.empty() && R.Message.back() == '.')
      E.add("/message", "a message must not end with a period");
  }
  getString(J, "note", R.Note, E, false);
  getString(J, "rationale", R.Rationale, E, true);
  getBool(J, "hedgeImmune", R.Policy.HedgeImmune, E);
  getBool(J, "quantifierHedges", R.Policy.QuantifierHedges, E);
  getBool(J, "context", R.Policy.UseContext, E);

  TriggerGroup Top;
  getStringList(J, "phrases", "/phrases", Top.Phrases, E);
  getStringList(J, "patterns", "/patterns", Top.Patterns, E);
  // A built-in rule's trigger phrases are translated when needed (they are
  // a third of start-up; RulePackTest translates every one).
  const bool Later = llvm::StringRef(F.Path).startswith("<builtin>/");
  compilePhrases(Top.Phrases, "/phrases", Vocab, F, E, Top.Compiled, Later);
  compilePatterns(Top.Patterns, "/patterns", Vocab, F, E, Top.Compiled);
  R.Triggers.push_back(std::move(Top));
  if (auto It = J.find("triggers"); It != J.end()) {
    if (!It->is_array()) {
      E.add("/triggers", "'triggers' must be a list of objects");
    } else {
      for (size_t I = 0; I < It->size(); ++I) {
        const json &G = (*It)[I];
        std::string Ptr = "/triggers/" + std::to_string(I);
        if (!G.is_object()) {
          E.add(Ptr, "each trigger group must be an object");
          continue;
        }
        TriggerGroup T;
        for (auto K = G.begin(); K != G.end(); ++K)
          if (K.key() != "phrases" && K.key() != "patterns" &&
              K.key() != "severity" && K.key() != "hedgeImmune" &&
              K.key() != "message")
            E.add(Ptr + "/" + K.key(), "unknown key '" + K.key() + "'");
        getStringList(G, "phrases", Ptr + "/phrases", T.Phrases, E);
        getStringList(G, "patterns", Ptr + "/patterns", T.Patterns, E);
        compilePhrases(T.Phrases, Ptr + "/phrases", Vocab, F, E, T.Compiled,
                       Later);
        compilePatterns(T.Patterns, Ptr + "/patterns", Vocab, F, E, T.Compiled);
        if (auto S = G.find("severity"); S != G.end()) {
          auto P = S->is_string() ? parseSeverity(S->get<std::string>())
                                  : llvm::None;
          if (!P)
            E.add(Ptr + "/severity",
                  "severity must be 'error', 'warning' or 'info'");
          else
            T.Sev = *P;
        }
        if (auto H = G.find("hedgeImmune"); H != G.end()) {
          if (!H->is_boolean())
            E.add(Ptr + "/hedgeImmune", "'hedgeImmune' must be true or false");
          else
            T.HedgeImmune = H->get<bool>();
        }
        if (auto M = G.find("message"); M != G.end() && M->is_string())
          T.Message = M->get<std::string>();
        R.Triggers.push_back(std::move(T));
      }
    }
  }
  getStringList(J, "exceptions", "/exceptions", R.Exceptions, E);
  getStringList(J, "exceptionPatterns", "/exceptionPatterns",
                R.ExceptionPatterns, E);
  compilePhrases(R.Exceptions, "/exceptions", Vocab, F, E,
                 R.CompiledExceptions);
  compilePatterns(R.ExceptionPatterns, "/exceptionPatterns", Vocab, F, E,
                  R.CompiledExceptions);
  getStringList(J, "requires", "/requires", R.Requires, E);
  compilePhrases(R.Requires, "/requires", Vocab, F, E, R.CompiledRequires);
  getStringList(J, "tags", "/tags", R.Tags, E);

  bool HasTriggers = false;
  for (const TriggerGroup &T : R.Triggers)
    HasTriggers |= !T.Phrases.empty() || !T.Patterns.empty();
  if (R.Kind == RuleKind::Claim && !HasTriggers)
    E.add("", "a claim rule needs 'phrases', 'patterns' or 'triggers'");
  if (R.Kind == RuleKind::Document && R.Requires.empty())
    E.add("", "a document rule needs 'requires'");

  if (auto It = J.find("suggestions"); It != J.end()) {
    if (!It->is_array()) {
      E.add("/suggestions", "'suggestions' must be a list");
    } else {
      for (size_t I = 0; I < It->size(); ++I) {
        const json &S = (*It)[I];
        Suggestion Sg;
        if (S.is_string()) {
          Sg.Text = S.get<std::string>();
        } else if (S.is_object() && S.contains("text") &&
                   S["text"].is_string()) {
          Sg.Text = S["text"].get<std::string>();
          if (S.contains("safe") && S["safe"].is_boolean())
            Sg.Safe = S["safe"].get<bool>();
        } else {
          E.add("/suggestions/" + std::to_string(I),
                "a suggestion is a string or {\"text\": ..., \"safe\": bool}");
          continue;
        }
        parseSlots(Sg, Vocab,
                   "/suggestions/" + std::to_string(I) +
                       (S.is_string() ? "" : "/text"),
                   F, E);
        R.Suggestions.push_back(std::move(Sg));
      }
    }
  }
  if (auto It = J.find("references"); It != J.end()) {
    if (!It->is_array()) {
      E.add("/references", "'references' must be a list");
    } else {
      for (size_t I = 0; I < It->size(); ++I) {
        const json &Ref = (*It)[I];
        if (!Ref.is_object() || !Ref.contains("title") ||
            !Ref["title"].is_string() || !Ref.contains("url") ||
            !Ref["url"].is_string()) {
          E.add("/references/" + std::to_string(I),
                "a reference is {\"title\": ..., \"url\": ...}");
          continue;
        }
        R.References.push_back(
            {Ref["title"].get<std::string>(), Ref["url"].get<std::string>()});
      }
    }
  } else {
    E.add("", "missing required key 'references'");
  }
  if (auto It = J.find("examples"); It != J.end()) {
    if (!It->is_object()) {
      E.add("/examples",
            "'examples' must be {\"flag\": [...], \"pass\": [...]}");
    } else {
      std::vector<std::string> Flag, Pass;
      getStringList(*It, "flag", "/examples/flag", Flag, E);
      getStringList(*It, "pass", "/examples/pass", Pass, E);
      for (auto &S : Flag)
        R.FlagExamples.push_back({S});
      for (auto &S : Pass)
        R.PassExamples.push_back({S});
      for (size_t I = 0; I < Pass.size(); ++I)
        if (Pass[I].find("[[") != std::string::npos)
          E.add("/examples/pass/" + std::to_string(I),
                "a 'pass' example must not mark a span with [[...]]");
    }
  } else {
    E.add("", "missing required key 'examples'");
  }
  if (auto It = J.find("profiles"); It != J.end()) {
    if (!It->is_object()) {
      E.add("/profiles", "'profiles' must map a profile to a severity");
    } else {
      for (auto P = It->begin(); P != It->end(); ++P) {
        std::string V = P->is_string() ? P->get<std::string>() : "";
        if (V != "off" && !parseSeverity(V))
          E.add("/profiles/" + P.key(),
                "a profile severity is 'error', 'warning', 'info' or 'off'");
        else
          R.Profiles[P.key()] = V;
      }
    }
  }
  llvm::Error Err = E.take();
  if (Err) {
    // The file is broken anyway: also name its bad regular expressions now,
    // so one run reports every fault (valid files are checked once, when the
    // rule set compiles them).
    auto CheckRegexes = [&](const std::vector<CompiledPattern> &Ps) {
      for (const CompiledPattern &P : Ps) {
        if (P.Longest)
          continue;
        PatternSet Probe;
        auto Idx = Probe.add(P.Regex);
        if (!Idx)
          Err = llvm::joinErrors(std::move(Err),
                                 jsonError(F.Path, F.Text, P.JsonPointer,
                                           llvm::toString(Idx.takeError())));
      }
    };
    for (const TriggerGroup &T : R.Triggers)
      CheckRegexes(T.Compiled);
    CheckRegexes(R.CompiledExceptions);
    return Err;
  }
  return R;
}

llvm::Expected<std::string> triggerPhrasesRegex(const Rule &R, size_t Group) {
  const TriggerGroup &T = R.Triggers[Group];
  static const Vocabulary NoVocabulary;
  std::vector<std::string> Own;
  size_t Phrase = 0;
  for (const CompiledPattern &P : T.Compiled) {
    if (!P.Longest)
      continue;
    if (!P.Regex.empty()) {
      Own.push_back(P.Regex);
    } else {
      if (Phrase >= T.Phrases.size())
        return makeError(R.Id + ": more compiled phrases than phrases");
      size_t ErrOff = 0;
      auto Re =
          phraseToRegex(T.Phrases[Phrase], R.Vocab ? *R.Vocab : NoVocabulary,
                        /*Bounded=*/true, ErrOff);
      if (!Re)
        return jsonError(R.Path, R.SourceText ? *R.SourceText : std::string(),
                         P.JsonPointer,
                         "invalid phrase: " + llvm::toString(Re.takeError()));
      Own.push_back(std::move(*Re));
    }
    ++Phrase;
  }
  std::vector<llvm::StringRef> Refs(Own.begin(), Own.end());
  return joinLongestAlternatives(Refs);
}

void RuleLoader::addBuiltin() {
  std::map<std::string, PackSource> ByPack;
  for (const EmbeddedFile &F : builtinRuleFiles()) {
    llvm::StringRef P(F.Path);
    auto Slash = P.find('/');
    if (Slash == llvm::StringRef::npos)
      continue; // lexicon.json and other top-level files are not packs
    llvm::StringRef Pack = P.take_front(Slash);
    llvm::StringRef Name = P.drop_front(Slash + 1);
    if (Pack == "schema" || Name.contains('/'))
      continue;
    PackSource &S = ByPack[Pack.str()];
    S.Name = Pack.str();
    SourceText T{"<builtin>/rules/" + P.str(), std::string(F.Data, F.Size)};
    if (Name == "pack.json")
      S.PackJson = std::move(T);
    else
      S.RuleFiles.push_back(std::move(T));
  }
  for (auto &KV : ByPack)
    Packs.push_back(std::move(KV.second));
}

void RuleLoader::addDirectory(llvm::StringRef Dir) {
  auto IsPack = [](llvm::StringRef D) {
    llvm::SmallString<256> PJ(D);
    llvm::sys::path::append(PJ, "pack.json");
    return llvm::sys::fs::exists(PJ);
  };
  auto LoadPack = [&](llvm::StringRef D) {
    PackSource S;
    S.Name = llvm::sys::path::filename(D).str();
    std::error_code EC;
    std::vector<std::string> Names;
    for (llvm::sys::fs::directory_iterator It(D, EC), End; It != End && !EC;
         It.increment(EC)) {
      llvm::StringRef P = It->path();
      if (P.endswith(".json"))
        Names.push_back(P.str());
    }
    if (EC) {
      IoErrors.push_back(D.str() + ": " + EC.message());
      return;
    }
    std::sort(Names.begin(), Names.end());
    for (const std::string &N : Names) {
      auto Text = readFile(N);
      if (!Text) {
        IoErrors.push_back(llvm::toString(Text.takeError()));
        continue;
      }
      SourceText T{N, std::move(*Text)};
      if (llvm::sys::path::filename(N) == "pack.json")
        S.PackJson = std::move(T);
      else
        S.RuleFiles.push_back(std::move(T));
    }
    Packs.push_back(std::move(S));
  };
  if (!llvm::sys::fs::is_directory(Dir)) {
    IoErrors.push_back(Dir.str() + ": not a directory");
    return;
  }
  if (IsPack(Dir)) {
    LoadPack(Dir);
    return;
  }
  std::error_code EC;
  std::vector<std::string> Subdirs;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    if (llvm::sys::fs::is_directory(It->path()) && IsPack(It->path()))
      Subdirs.push_back(It->path());
  if (EC) {
    IoErrors.push_back(Dir.str() + ": " + EC.message());
    return;
  }
  std::sort(Subdirs.begin(), Subdirs.end());
  if (Subdirs.empty())
    IoErrors.push_back(Dir.str() +
                       ": no rule pack here (a pack is a folder with a "
                       "pack.json)");
  for (const std::string &S : Subdirs)
    LoadPack(S);
}

llvm::Expected<LoadedRules> RuleLoader::load() {
  llvm::Error Err = llvm::Error::success();
  for (const std::string &M : IoErrors)
    Err = llvm::joinErrors(std::move(Err), makeError(M));
  LoadedRules Out;
  std::map<std::string, Vocabulary> Vocabs;
  std::map<std::string, std::shared_ptr<TermLists>> RawVocabs;
  std::map<std::string, std::string> Seen; // id -> path
  for (const PackSource &P : Packs) {
    Vocabulary &Vocab = Vocabs[P.Name];
    std::shared_ptr<TermLists> &Raw = RawVocabs[P.Name];
    if (!Raw)
      Raw = std::make_shared<TermLists>();
    if (P.PackJson) {
      const SourceText &F = *P.PackJson;
      auto J = parseJson(F.Path, F.Text);
      if (!J) {
        Err = llvm::joinErrors(std::move(Err), J.takeError());
      } else if (!J->is_object()) {
        Err = llvm::joinErrors(
            std::move(Err),
            jsonError(F.Path, F.Text, "", "pack.json must hold an object"));
      } else {
        FileErrors E(F);
        if (auto V = J->find("vocabulary"); V != J->end()) {
          if (!V->is_object()) {
            E.add("/vocabulary", "'vocabulary' maps NAMES to lists of terms");
          } else {
            for (auto It = V->begin(); It != V->end(); ++It) {
              std::string Ptr = "/vocabulary/" + It.key();
              std::vector<std::string> Terms;
              llvm::StringRef Key = It.key();
              if (Key.empty() || Key.find_first_not_of(
                                     "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") !=
                                     llvm::StringRef::npos) {
                E.add(Ptr, "vocabulary names are UPPER_CASE");
                continue;
              }
              if (!getStringList(*J->find("vocabulary"), It.key(), Ptr, Terms,
                                 E))
                continue;
              size_t Idx = 0, Off = 0;
              Vocabulary Empty;
              auto R = compileTermList(Terms, Empty, Idx, Off);
              if (!R) {
                E.addAt(
                    locateJsonPointer(F.Text, Ptr + "/" + std::to_string(Idx)) +
                        1 + Off,
                    "invalid term: " + llvm::toString(R.takeError()));
                continue;
              }
              Vocab[It.key()] = *R;
              (*Raw)[It.key()] = std::move(Terms);
            }
          }
        }
        if (auto Pr = J->find("profiles"); Pr != J->end() && Pr->is_object())
          for (auto It = Pr->begin(); It != Pr->end(); ++It)
            Out.Profiles.insert(It.key());
        Err = llvm::joinErrors(std::move(Err), E.take());
      }
    }
    // The vocabulary as these rules see it (a later pack of the same name
    // may add to it), for translating their phrases later.
    auto Frozen = std::make_shared<const Vocabulary>(Vocab);
    for (const SourceText &F : P.RuleFiles) {
      auto R = parseRule(F, P.Name, Vocab);
      if (!R) {
        Err = llvm::joinErrors(std::move(Err), R.takeError());
        continue;
      }
      R->Lists = Raw;
      R->Vocab = Frozen;
      auto [It, New] = Seen.emplace(R->Id, F.Path);
      if (!New) {
        Err = llvm::joinErrors(std::move(Err),
                               jsonError(F.Path, F.Text, "/id",
                                         "rule '" + R->Id +
                                             "' is already defined in " +
                                             It->second));
        continue;
      }
      for (auto &KV : R->Profiles)
        Out.Profiles.insert(KV.first);
      Out.Rules.push_back(std::move(*R));
    }
  }
  if (Err)
    return Err;
  std::sort(Out.Rules.begin(), Out.Rules.end(),
            [](const Rule &A, const Rule &B) { return A.Id < B.Id; });
  return Out;
}

} // namespace claimlint
