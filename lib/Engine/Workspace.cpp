//===- Engine/Workspace.cpp - Rules, lexicon and configs, loaded ----------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Engine/Workspace.h"

#include "Engine/FileWalker.h"
#include "Rules/Builtin.h"
#include "Rules/RuleLoader.h"
#include "Support/BackgroundTask.h"
#include "Support/Error.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace claimlint {

FileType fileTypeFromExtension(llvm::StringRef Path) {
  std::string Ext = llvm::sys::path::extension(Path).lower();
  if (Ext == ".md" || Ext == ".markdown" || Ext == ".mdown" || Ext == ".mkd")
    return FileType::Markdown;
  if (Ext == ".html" || Ext == ".htm" || Ext == ".xhtml")
    return FileType::Html;
  return FileType::Text;
}

std::string pathRelativeTo(llvm::StringRef Dir, llvm::StringRef Path) {
  llvm::SmallString<256> Abs(Path);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, true);
  llvm::StringRef A = Abs;
  if (A.startswith(Dir) && A.size() > Dir.size() && A[Dir.size()] == '/')
    return A.drop_front(Dir.size() + 1).str();
  return A.str();
}

namespace {
bool globMatches(llvm::StringRef Glob, llvm::StringRef Id) {
  return Glob == Id || matchGlob(Glob, Id);
}
} // namespace

const std::vector<std::shared_ptr<ConfigFile>> &
Workspace::chainFor(llvm::StringRef Path) {
  llvm::StringRef Dir = llvm::sys::path::parent_path(Path);
  return Configs.chainFor(Dir.empty() ? "." : Dir);
}

llvm::Expected<std::unique_ptr<Workspace>>
Workspace::create(WorkspaceOptions Opts, llvm::ArrayRef<std::string> Files) {
  std::unique_ptr<Workspace> W(new Workspace(std::move(Opts)));
  for (const std::string &F : Files)
    W->chainFor(F);
  if (W->Opts.Config)
    W->Configs.chainFor(".");
  if (llvm::Error E = W->Configs.takeErrors())
    return E;

  // The lexicon and the context analyzer (about a fifth of start-up, RE2
  // compiles) build on a second thread while the rules load and compile.
  std::vector<std::shared_ptr<ConfigFile>> LexConfigs;
  for (const auto &C : W->Configs.allLoaded())
    if (!C->Lexicon.is_null())
      LexConfigs.push_back(C);
  auto BuildAnalyzer =
      [LexConfigs]() -> llvm::Expected<std::unique_ptr<Analyzer>> {
    llvm::StringRef LexText = builtinRuleFile("lexicon.json");
    // Built in, so not checked entry by entry (LexiconTest checks it);
    // extensions from config files are.
    auto Lex = Lexicon::parse("<builtin>/rules/lexicon.json", LexText,
                              /*Check=*/false);
    if (!Lex)
      return Lex.takeError();
    for (const auto &C : LexConfigs)
      if (llvm::Error E = Lex->extend(C->Lexicon, C->Path, C->Text))
        return E;
    return Analyzer::create(*Lex);
  };
  llvm::Optional<llvm::Expected<std::unique_ptr<Analyzer>>> An;
  BackgroundTask AnalyzerTask([&] { An.emplace(BuildAnalyzer()); });

  // Rules: built-in, --rules-dir, then folders named by configs.
  RuleLoader Loader;
  Loader.addBuiltin();
  for (const std::string &D : W->Opts.RulesDirs)
    Loader.addDirectory(D);
  std::set<std::string> ConfigDirs;
  for (const auto &C : W->Configs.allLoaded())
    for (const std::string &D : C->RulesDirs)
      if (ConfigDirs.insert(D).second)
        Loader.addDirectory(D);
  auto Loaded = Loader.load();
  llvm::Optional<llvm::Expected<std::unique_ptr<RuleSet>>> RS;
  if (Loaded) {
    W->Profiles = Loaded->Profiles;
    RS.emplace(RuleSet::build(std::move(Loaded->Rules)));
  }
  AnalyzerTask.join();
  auto DropAnalyzer = [&] { // the rules' errors come first
    if (!*An)
      llvm::consumeError(An->takeError());
  };
  if (!Loaded) {
    DropAnalyzer();
    return Loaded.takeError();
  }
  if (!*RS) {
    DropAnalyzer();
    return RS->takeError();
  }
  W->Rules = std::move(**RS);
  // Packs that only a config brings in apply only to files under it.
  for (const Rule &R : W->Rules->rules())
    for (const std::string &D : ConfigDirs)
      if (llvm::StringRef(R.Path).startswith(D + "/"))
        W->PackFromConfigDir[R.Pack] = D;
  if (!*An)
    return An->takeError();
  W->Context = std::move(**An);

  // Command-line selections must name real rules and profiles.
  llvm::Error Err = llvm::Error::success();
  for (const auto *List : {&W->Opts.Enable, &W->Opts.Disable})
    for (const std::string &G : *List)
      if (!W->anyRuleMatches(G)) {
        std::string Hint = W->nearestRule(G);
        Err = llvm::joinErrors(
            std::move(Err),
            makeError("no rule matches '" + G + "'" +
                      (Hint.empty() ? "" : "; did you mean '" + Hint + "'?")));
      }
  if (!W->Opts.Profile.empty() && !W->Profiles.count(W->Opts.Profile)) {
    std::string Known;
    for (const std::string &P : W->Profiles)
      Known += " " + P;
    Err = llvm::joinErrors(std::move(Err),
                           makeError("unknown profile '" + W->Opts.Profile +
                                     "' (known:" + Known + ")"));
  }
  if (Err)
    return Err;
  W->L = std::make_unique<Linter>(*W->Rules, *W->Context, W->Opts.Lint);
  return W;
}

std::string Workspace::nearestRule(llvm::StringRef Name) const {
  std::string Best;
  unsigned BestD = ~0u;
  for (const Rule &R : Rules->rules()) {
    unsigned D = llvm::StringRef(R.Id).edit_distance(Name, true, 8);
    llvm::StringRef Short = llvm::StringRef(R.Id).split('/').second;
    D = std::min(D, Short.edit_distance(Name, true, 8));
    if (D < BestD) {
      BestD = D;
      Best = R.Id;
    }
  }
  return BestD <= 4 ? Best : std::string();
}

bool Workspace::anyRuleMatches(llvm::StringRef Glob) const {
  for (const Rule &R : Rules->rules())
    if (globMatches(Glob, R.Id))
      return true;
  for (const MetaRule &M : metaRules())
    if (globMatches(Glob, M.Id))
      return true;
  return false;
}

bool Workspace::wanted(llvm::StringRef Path) {
  if (hasLintableExtension(Path))
    return true;
  for (const auto &C : chainFor(Path))
    for (const auto &FT : C->FileTypes)
      if (matchGlob(FT.first, pathRelativeTo(C->Dir, Path)))
        return true;
  return false;
}

FileSettings Workspace::settingsFor(llvm::StringRef Path, bool &Ignored) {
  const auto &Chain = chainFor(Path);
  FileSettings S = defaultSettings(*Rules, fileTypeFromExtension(Path));
  Ignored = false;
  std::string Prof = Opts.Profile;
  for (const auto &C : Chain) {
    std::string Rel = pathRelativeTo(C->Dir, Path);
    for (const auto &FT : C->FileTypes)
      if (matchGlob(FT.first, Rel))
        S.Type = FT.second;
    for (const std::string &G : C->Ignore)
      if (matchGlob(G, Rel))
        Ignored = true;
    if (Opts.Profile.empty() && C->Profile)
      Prof = *C->Profile;
  }
  if (Opts.ForceType)
    S.Type = *Opts.ForceType;
  const auto &All = Rules->rules();
  for (unsigned I = 0; I < All.size(); ++I) {
    const Rule &R = All[I];
    auto PF = PackFromConfigDir.find(R.Pack);
    if (PF != PackFromConfigDir.end()) {
      bool InChain = false;
      for (const auto &C : Chain)
        for (const std::string &D : C->RulesDirs)
          InChain |= D == PF->second;
      if (!InChain)
        S.Enabled[I] = 0;
    }
    if (!Prof.empty()) {
      auto It = R.Profiles.find(Prof);
      if (It != R.Profiles.end()) {
        if (It->second == "off")
          S.Enabled[I] = 0;
        else
          S.Override[I] = parseSeverity(It->second);
      }
    }
  }
  auto Apply =
      [&](const std::vector<std::string> &Disable,
          const std::vector<std::string> &Enable,
          const std::vector<std::pair<std::string, std::string>> &Sev) {
        for (unsigned I = 0; I < All.size(); ++I) {
          for (const std::string &G : Disable)
            if (globMatches(G, All[I].Id))
              S.Enabled[I] = 0;
          for (const std::string &G : Enable)
            if (globMatches(G, All[I].Id))
              S.Enabled[I] = 1;
          for (const auto &KV : Sev)
            if (globMatches(KV.first, All[I].Id)) {
              if (KV.second == "off")
                S.Enabled[I] = 0;
              else
                S.Override[I] = parseSeverity(KV.second);
            }
        }
        auto Metas = metaRules();
        for (unsigned I = 0; I < Metas.size(); ++I) {
          for (const std::string &G : Disable)
            if (globMatches(G, Metas[I].Id))
              S.MetaEnabled[I] = 0;
          for (const std::string &G : Enable)
            if (globMatches(G, Metas[I].Id))
              S.MetaEnabled[I] = 1;
          for (const auto &KV : Sev)
            if (globMatches(KV.first, Metas[I].Id) && KV.second == "off")
              S.MetaEnabled[I] = 0;
        }
      };
  for (const auto &C : Chain)
    Apply(C->Disable, C->Enable, C->Severity);
  Apply(Opts.Disable, Opts.Enable, {});
  return S;
}

} // namespace claimlint
