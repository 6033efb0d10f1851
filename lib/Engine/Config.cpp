//===- Engine/Config.cpp - .claimlint.json --------------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Engine/Config.h"

#include "Rules/JsonLocation.h"
#include "Support/Error.h"
#include "Support/FileSystem.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace claimlint {

using nlohmann::json;

namespace {

/// Whether the character class at \p G[I] ('[' ... ']', '!' or '^' negates,
/// "a-z" ranges) holds \p C. Moves \p I past the class; false with \p I
/// unchanged when the class is not closed (then '[' is a literal).
bool matchClass(llvm::StringRef G, size_t &I, char C, bool &Hit) {
  size_t J = I + 1;
  bool Neg = J < G.size() && (G[J] == '!' || G[J] == '^');
  if (Neg)
    ++J;
  size_t First = J;
  bool In = false;
  for (; J < G.size() && (G[J] != ']' || J == First); ++J) {
    if (J + 2 < G.size() && G[J + 1] == '-' && G[J + 2] != ']') {
      In |= C >= G[J] && C <= G[J + 2];
      J += 2;
    } else {
      In |= G[J] == C;
    }
  }
  if (J >= G.size())
    return false;
  I = J + 1;
  Hit = In != Neg;
  return true;
}

/// Glob matching with '*' (any run, '/' included), '?', classes and '\'
/// escapes. Iterative: on a mismatch only the last '*' takes one more
/// character, so the time is O(|G| * |P|) whatever the pattern (a
/// backtracking matcher is exponential in the number of stars).
bool globMatch(llvm::StringRef G, llvm::StringRef P) {
  size_t GI = 0, PI = 0, StarG = llvm::StringRef::npos, StarP = 0;
  while (PI < P.size()) {
    if (GI < G.size() && G[GI] == '*') {
      StarG = GI++;
      StarP = PI;
      continue;
    }
    if (GI < G.size()) {
      size_t Next = GI + 1;
      bool Hit = false;
      if (G[GI] == '?') {
        Hit = true;
      } else if (G[GI] == '\\' && GI + 1 < G.size()) {
        Hit = G[GI + 1] == P[PI];
        Next = GI + 2;
      } else if (G[GI] == '[' && matchClass(G, Next = GI, P[PI], Hit)) {
        // Next is past the class.
      } else {
        Hit = G[GI] == P[PI];
        Next = GI + 1;
      }
      if (Hit) {
        GI = Next;
        ++PI;
        continue;
      }
    }
    if (StarG == llvm::StringRef::npos)
      return false;
    GI = StarG + 1;
    PI = ++StarP;
  }
  while (GI < G.size() && G[GI] == '*')
    ++GI;
  return GI == G.size();
}

} // namespace

bool matchGlob(llvm::StringRef Glob, llvm::StringRef Path) {
  auto Match = [](llvm::StringRef G, llvm::StringRef P) {
    return globMatch(G, P);
  };
  if (Glob.startswith("./"))
    Glob = Glob.drop_front(2);
  if (!Glob.contains('/'))
    return Match(Glob, llvm::sys::path::filename(Path)) || Match(Glob, Path) ||
           Path.startswith(Glob.str() + "/") ||
           Path.contains("/" + Glob.str() + "/");
  if (Glob.startswith("**/"))
    return Match(Glob.drop_front(3), Path) || Match(Glob, Path) ||
           Match(Glob.drop_front(3), llvm::sys::path::filename(Path));
  if (Glob.endswith("/"))
    return Path.startswith(Glob);
  return Match(Glob, Path) || Path.startswith(Glob.str() + "/");
}

namespace {

std::string absolute(llvm::StringRef Base, llvm::StringRef P) {
  llvm::SmallString<256> Out;
  if (llvm::sys::path::is_absolute(P)) {
    Out = P;
  } else {
    Out = Base;
    llvm::sys::path::append(Out, P);
  }
  llvm::sys::path::remove_dots(Out, /*remove_dot_dot=*/true);
  return std::string(Out.str());
}

const char *const Keys[] = {"$schema",   "root",     "extends", "enable",
                            "disable",   "severity", "ignore",  "rulesDirs",
                            "fileTypes", "profile",  "lexicon"};

} // namespace

llvm::Expected<std::shared_ptr<ConfigFile>>
loadConfigFile(llvm::StringRef Path, std::vector<std::string> Seen) {
  auto Text = readFile(Path);
  if (!Text)
    return Text.takeError();
  auto J = parseJson(Path, *Text);
  if (!J)
    return J.takeError();
  auto C = std::make_shared<ConfigFile>();
  C->Path = Path.str();
  C->Text = *Text;
  llvm::SmallString<256> Abs(Path);
  llvm::sys::fs::make_absolute(Abs);
  C->Dir = llvm::sys::path::parent_path(Abs).str();
  llvm::Error Err = llvm::Error::success();
  auto Fail = [&](llvm::StringRef Ptr, const llvm::Twine &Msg) {
    Err = llvm::joinErrors(std::move(Err), jsonError(Path, *Text, Ptr, Msg));
  };
  if (!J->is_object()) {
    Fail("", "a config file must hold a JSON object");
    return Err;
  }
  for (auto It = J->begin(); It != J->end(); ++It) {
    bool Known = false;
    for (const char *K : Keys)
      Known |= It.key() == K;
    if (!Known)
      Fail("/" + It.key(), "unknown key '" + It.key() + "'");
  }
  auto StringList = [&](const char *Key, std::vector<std::string> &Out) {
    auto It = J->find(Key);
    if (It == J->end())
      return;
    if (!It->is_array()) {
      Fail(std::string("/") + Key,
           llvm::Twine("'") + Key + "' must be a list of strings");
      return;
    }
    for (size_t I = 0; I < It->size(); ++I) {
      if (!(*It)[I].is_string())
        Fail(std::string("/") + Key + "/" + std::to_string(I),
             "expected a string");
      else
        Out.push_back((*It)[I].get<std::string>());
    }
  };
  // "extends" first: this file's settings go over the base's.
  if (auto It = J->find("extends"); It != J->end()) {
    if (!It->is_string()) {
      Fail("/extends", "'extends' must be a path string");
    } else {
      std::string Base = absolute(C->Dir, It->get<std::string>());
      if (std::find(Seen.begin(), Seen.end(), Base) != Seen.end()) {
        Fail("/extends", "'extends' cycle through " + Base);
      } else {
        Seen.push_back(absolute("", Abs.str()));
        auto B = loadConfigFile(Base, Seen);
        if (!B) {
          Err = llvm::joinErrors(std::move(Err), B.takeError());
        } else {
          // Keep the base's settings; its Path/Dir stay its own for globs.
          ConfigFile &Bs = **B;
          C->Enable = Bs.Enable;
          C->Disable = Bs.Disable;
          C->Severity = Bs.Severity;
          C->RulesDirs = Bs.RulesDirs;
          C->FileTypes = Bs.FileTypes;
          C->Profile = Bs.Profile;
          C->Lexicon = Bs.Lexicon;
          for (const std::string &G : Bs.Ignore)
            C->Ignore.push_back(G);
        }
      }
    }
  }
  if (auto It = J->find("root"); It != J->end()) {
    if (!It->is_boolean())
      Fail("/root", "'root' must be true or false");
    else
      C->Root = It->get<bool>();
  }
  StringList("enable", C->Enable);
  StringList("disable", C->Disable);
  StringList("ignore", C->Ignore);
  std::vector<std::string> Dirs;
  StringList("rulesDirs", Dirs);
  for (const std::string &D : Dirs)
    C->RulesDirs.push_back(absolute(C->Dir, D));
  if (auto It = J->find("severity"); It != J->end()) {
    if (!It->is_object()) {
      Fail("/severity", "'severity' maps rule ids or globs to a severity");
    } else {
      for (auto S = It->begin(); S != It->end(); ++S) {
        std::string V = S->is_string() ? S->get<std::string>() : "";
        if (V != "off" && !parseSeverity(V))
          Fail("/severity/" + S.key(),
               "severity must be 'error', 'warning', 'info' or 'off'");
        else
          C->Severity.emplace_back(S.key(), V);
      }
    }
  }
  if (auto It = J->find("fileTypes"); It != J->end()) {
    if (!It->is_object()) {
      Fail("/fileTypes", "'fileTypes' maps globs to markdown, html or text");
    } else {
      for (auto S = It->begin(); S != It->end(); ++S) {
        auto T =
            S->is_string() ? parseFileType(S->get<std::string>()) : llvm::None;
        if (!T)
          Fail("/fileTypes/" + S.key(),
               "a file type is 'markdown', 'html' or 'text'");
        else
          C->FileTypes.emplace_back(S.key(), *T);
      }
    }
  }
  if (auto It = J->find("profile"); It != J->end()) {
    if (!It->is_string())
      Fail("/profile", "'profile' must be a string (us, uk, eu, au)");
    else
      C->Profile = It->get<std::string>();
  }
  if (auto It = J->find("lexicon"); It != J->end()) {
    if (!It->is_object())
      Fail("/lexicon", "'lexicon' must be an object of cue classes");
    else
      C->Lexicon = *It;
  }
  if (Err)
    return Err;
  return C;
}

std::shared_ptr<ConfigFile> ConfigResolver::load(const std::string &Path) {
  auto It = Files.find(Path);
  if (It != Files.end())
    return It->second;
  auto C = loadConfigFile(Path);
  std::shared_ptr<ConfigFile> Result;
  if (!C)
    Errors = llvm::joinErrors(std::move(Errors), C.takeError());
  else
    Result = *C;
  Files[Path] = Result;
  return Result;
}

const std::vector<std::shared_ptr<ConfigFile>> &
ConfigResolver::chainFor(llvm::StringRef Dir) {
  llvm::SmallString<256> Abs(Dir.empty() ? "." : Dir);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, true);
  std::string Key(Abs.str());
  auto It = Chains.find(Key);
  if (It != Chains.end())
    return It->second;
  std::vector<std::shared_ptr<ConfigFile>> Chain;
  if (Explicit) {
    if (auto C = load(*Explicit))
      Chain.push_back(C);
  } else if (!Disabled) {
    llvm::SmallString<256> D(Abs);
    while (true) {
      llvm::SmallString<256> P(D);
      llvm::sys::path::append(P, ".claimlint.json");
      if (llvm::sys::fs::exists(P)) {
        if (auto C = load(std::string(P.str()))) {
          Chain.push_back(C);
          if (C->Root)
            break;
        }
      }
      // Copy first: Parent is a view into D.
      std::string Parent = llvm::sys::path::parent_path(D).str();
      if (Parent.empty() || Parent == D.str())
        break;
      D = Parent;
    }
    std::reverse(Chain.begin(), Chain.end()); // farthest first
  }
  return Chains[Key] = std::move(Chain);
}

std::vector<std::shared_ptr<ConfigFile>> ConfigResolver::allLoaded() const {
  std::vector<std::shared_ptr<ConfigFile>> Out;
  for (const auto &KV : Files)
    if (KV.second)
      Out.push_back(KV.second);
  return Out;
}

} // namespace claimlint
