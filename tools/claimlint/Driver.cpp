//===- claimlint/Driver.cpp - The command line's work
//----------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Driver.h"

#include "Context/Lexicon.h"
#include "Engine/Config.h"
#include "Engine/FileWalker.h"
#include "Engine/Linter.h"
#include "Rules/Builtin.h"
#include "Rules/RuleLoader.h"
#include "Support/Error.h"
#include "Support/FileSystem.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <condition_variable>
#include <ctime>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace claimlint {

namespace {

std::string todayUtc() {
  std::time_t Now = std::time(nullptr);
  std::tm Tm{};
  gmtime_r(&Now, &Tm);
  char Buf[16];
  std::strftime(Buf, sizeof(Buf), "%Y-%m-%d", &Tm);
  return Buf;
}

bool globMatches(llvm::StringRef Glob, llvm::StringRef Id) {
  return Glob == Id || matchGlob(Glob, Id);
}

/// The nearest rule id to \p Name, for "did you mean".
std::string nearest(llvm::StringRef Name, const RuleSet &Rules) {
  std::string Best;
  unsigned BestD = ~0u;
  for (const Rule &R : Rules.rules()) {
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

bool anyRuleMatches(llvm::StringRef Glob, const RuleSet &Rules) {
  for (const Rule &R : Rules.rules())
    if (globMatches(Glob, R.Id))
      return true;
  for (const MetaRule &M : metaRules())
    if (globMatches(Glob, M.Id))
      return true;
  return false;
}

FileType typeFromExtension(llvm::StringRef Path) {
  std::string Ext = llvm::sys::path::extension(Path).lower();
  if (Ext == ".md" || Ext == ".markdown" || Ext == ".mdown" || Ext == ".mkd")
    return FileType::Markdown;
  if (Ext == ".html" || Ext == ".htm" || Ext == ".xhtml")
    return FileType::Html;
  return FileType::Text;
}

std::string relativeTo(llvm::StringRef Dir, llvm::StringRef Path) {
  llvm::SmallString<256> Abs(Path);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, true);
  llvm::StringRef A = Abs;
  if (A.startswith(Dir) && A.size() > Dir.size() && A[Dir.size()] == '/')
    return A.drop_front(Dir.size() + 1).str();
  return A.str();
}

void listRules(const RuleSet &Rules, OutputFormat F, llvm::raw_ostream &OS) {
  if (F == OutputFormat::Json) {
    nlohmann::json Out = nlohmann::json::array();
    for (const Rule &R : Rules.rules()) {
      nlohmann::json Refs = nlohmann::json::array();
      for (const Reference &Ref : R.References)
        Refs.push_back({{"title", Ref.Title}, {"url", Ref.Url}});
      Out.push_back({{"id", R.Id},
                     {"pack", R.Pack},
                     {"kind", R.Kind == RuleKind::Claim ? "claim" : "document"},
                     {"severity", severityName(R.Sev).str()},
                     {"hedgeImmune", R.Policy.HedgeImmune},
                     {"summary", R.Summary},
                     {"references", Refs},
                     {"profiles", R.Profiles},
                     {"examples",
                      {{"flag", R.FlagExamples.size()},
                       {"pass", R.PassExamples.size()}}}});
    }
    for (const MetaRule &M : metaRules())
      Out.push_back({{"id", M.Id},
                     {"pack", "claimlint"},
                     {"kind", "directive"},
                     {"severity", severityName(M.Sev).str()},
                     {"hedgeImmune", false},
                     {"summary", M.Summary},
                     {"references", nlohmann::json::array()},
                     {"profiles", nlohmann::json::object()},
                     {"examples", {{"flag", 0}, {"pass", 0}}}});
    OS << nlohmann::json({{"rules", Out}, {"version", JsonSchemaVersion}})
              .dump(2)
       << '\n';
    return;
  }
  size_t W = 0;
  for (const Rule &R : Rules.rules())
    W = std::max(W, R.Id.size());
  for (const MetaRule &M : metaRules())
    W = std::max(W, llvm::StringRef(M.Id).size());
  for (const Rule &R : Rules.rules())
    OS << llvm::left_justify(R.Id, W + 2)
       << llvm::left_justify(severityName(R.Sev), 9) << R.Summary << '\n';
  for (const MetaRule &M : metaRules())
    OS << llvm::left_justify(M.Id, W + 2)
       << llvm::left_justify(severityName(M.Sev), 9) << M.Summary << '\n';
}

void explainRule(const Rule &R, llvm::raw_ostream &OS) {
  OS << R.Id << " (" << severityName(R.Sev)
     << (R.Policy.HedgeImmune ? ", a hedge does not qualify it" : "") << ")\n\n"
     << R.Summary << "\n\n";
  OS << "Message: " << R.Message << '\n';
  if (!R.Note.empty())
    OS << "How to fix: " << R.Note << '\n';
  OS << "\nWhy:\n  " << R.Rationale << '\n';
  if (!R.Suggestions.empty()) {
    OS << "\nSuggested rewrites:\n";
    for (const Suggestion &S : R.Suggestions)
      OS << "  - " << S.Text << (S.Safe ? " (applied by --fix)" : "") << '\n';
  }
  OS << "\nReferences:\n";
  for (const Reference &Ref : R.References)
    OS << "  - " << Ref.Title << " <" << Ref.Url << ">\n";
  auto Strip = [](std::string S) {
    std::string Out;
    for (size_t I = 0; I < S.size(); ++I) {
      if (S.compare(I, 2, "[[") == 0 || S.compare(I, 2, "]]") == 0) {
        ++I;
        continue;
      }
      Out.push_back(S[I]);
    }
    return Out;
  };
  if (!R.FlagExamples.empty()) {
    OS << "\nFlagged:\n";
    for (const Example &E : R.FlagExamples)
      OS << "  - " << Strip(E.Text) << '\n';
  }
  if (!R.PassExamples.empty()) {
    OS << "\nNot flagged:\n";
    for (const Example &E : R.PassExamples)
      OS << "  - " << E.Text << '\n';
  }
  if (!R.Profiles.empty()) {
    OS << "\nProfiles:";
    for (auto &KV : R.Profiles)
      OS << ' ' << KV.first << '=' << KV.second;
    OS << '\n';
  }
}

} // namespace

int runDriver(const DriverOptions &Opts) {
  llvm::raw_ostream &Err = llvm::errs();
  bool ErrColor = Opts.Color && Err.has_colors();
  auto Fail = [&](llvm::Error E) {
    printErrors(std::move(E), Err, ErrColor);
    return ExitError;
  };

  // 1. Inputs and their configs (configs may add rule folders).
  bool Listing = Opts.ListRules || !Opts.Explain.empty();
  ConfigResolver Configs(Opts.Config, Opts.NoConfig);
  WalkResult Inputs;
  std::map<std::string, std::vector<std::shared_ptr<ConfigFile>>> ChainOf;
  std::vector<std::string> Paths = Opts.Paths;
  if (!Listing && Paths.empty()) {
    Err << "claimlint: error: no input files (try 'claimlint --help')\n";
    return ExitError;
  }
  std::map<std::string, std::vector<std::shared_ptr<ConfigFile>>> DirChains;
  auto ChainForFile = [&](llvm::StringRef Display)
      -> const std::vector<std::shared_ptr<ConfigFile>> & {
    llvm::StringRef P =
        Display == "-" ? llvm::StringRef(Opts.StdinFilename) : Display;
    llvm::StringRef Dir = llvm::sys::path::parent_path(P);
    return Configs.chainFor(Dir.empty() ? "." : Dir);
  };
  if (!Listing) {
    // Folders: known extensions plus configured file types.
    Inputs = walkPaths(Paths, [&](llvm::StringRef P) {
      if (hasLintableExtension(P))
        return true;
      for (const auto &C : ChainForFile(P))
        for (const auto &FT : C->FileTypes)
          if (matchGlob(FT.first, relativeTo(C->Dir, P)))
            return true;
      return false;
    });
    for (const std::string &F : Inputs.Files)
      ChainForFile(F);
  } else if (Opts.Config) {
    Configs.chainFor(".");
  }
  if (llvm::Error E = Configs.takeErrors())
    return Fail(std::move(E));

  // 2. Rules: built-in, --rules-dir, then folders named by configs.
  RuleLoader Loader;
  Loader.addBuiltin();
  for (const std::string &D : Opts.RulesDirs)
    Loader.addDirectory(D);
  std::set<std::string> ConfigDirs;
  for (const auto &C : Configs.allLoaded())
    for (const std::string &D : C->RulesDirs)
      if (ConfigDirs.insert(D).second)
        Loader.addDirectory(D);
  auto Loaded = Loader.load();
  if (!Loaded)
    return Fail(Loaded.takeError());
  auto RulesOrErr = RuleSet::build(std::move(Loaded->Rules));
  if (!RulesOrErr)
    return Fail(RulesOrErr.takeError());
  const RuleSet &Rules = **RulesOrErr;
  // Packs that only a config brings in apply only to files under it.
  std::map<std::string, std::string> PackFromConfigDir; // pack -> dir
  for (const Rule &R : Rules.rules())
    for (const std::string &D : ConfigDirs)
      if (llvm::StringRef(R.Path).startswith(D + "/"))
        PackFromConfigDir[R.Pack] = D;

  // 3. The lexicon, with every config's extensions.
  llvm::StringRef LexText = builtinRuleFile("lexicon.json");
  auto Lex = Lexicon::parse("<builtin>/rules/lexicon.json", LexText);
  if (!Lex)
    return Fail(Lex.takeError());
  for (const auto &C : Configs.allLoaded())
    if (!C->Lexicon.is_null())
      if (llvm::Error E = Lex->extend(C->Lexicon, C->Path, C->Text))
        return Fail(std::move(E));
  auto An = Analyzer::create(*Lex);
  if (!An)
    return Fail(An.takeError());

  // 4. Command-line rule selection must name real rules.
  for (const auto *List : {&Opts.Enable, &Opts.Disable})
    for (const std::string &G : *List)
      if (!anyRuleMatches(G, Rules)) {
        std::string Hint = nearest(G, Rules);
        Err << "claimlint: error: no rule matches '" << G << "'"
            << (Hint.empty() ? "" : "; did you mean '" + Hint + "'?") << '\n';
        return ExitError;
      }
  std::string Profile = Opts.Profile;
  if (!Profile.empty() && !Loaded->Profiles.count(Profile)) {
    Err << "claimlint: error: unknown profile '" << Profile << "' (known:";
    for (const std::string &P : Loaded->Profiles)
      Err << ' ' << P;
    Err << ")\n";
    return ExitError;
  }

  // Output stream.
  std::unique_ptr<llvm::raw_fd_ostream> File;
  llvm::raw_ostream *OS = &llvm::outs();
  if (!Opts.OutputFile.empty()) {
    std::error_code EC;
    File = std::make_unique<llvm::raw_fd_ostream>(Opts.OutputFile, EC);
    if (EC) {
      Err << "claimlint: error: " << Opts.OutputFile << ": " << EC.message()
          << '\n';
      return ExitError;
    }
    OS = File.get();
  }

  if (Opts.ListRules) {
    listRules(Rules, Opts.Format, *OS);
    return ExitClean;
  }
  if (!Opts.Explain.empty()) {
    int Idx = Rules.find(Opts.Explain);
    if (Idx < 0) {
      std::string Hint = nearest(Opts.Explain, Rules);
      Err << "claimlint: error: unknown rule '" << Opts.Explain << "'"
          << (Hint.empty() ? "" : "; did you mean '" + Hint + "'?") << '\n';
      return ExitError;
    }
    explainRule(Rules.rules()[Idx], *OS);
    return ExitClean;
  }

  // 5. Settings per file.
  auto SettingsFor = [&](const std::string &Display, bool &Ignored) {
    llvm::StringRef NameForType = Display == "-" && !Opts.StdinFilename.empty()
                                      ? llvm::StringRef(Opts.StdinFilename)
                                      : llvm::StringRef(Display);
    const auto &Chain = ChainForFile(Display);
    FileSettings S = defaultSettings(Rules, typeFromExtension(NameForType));
    Ignored = false;
    std::string Prof = Profile;
    for (const auto &C : Chain) {
      std::string Rel = relativeTo(C->Dir, NameForType);
      for (const auto &FT : C->FileTypes)
        if (matchGlob(FT.first, Rel))
          S.Type = FT.second;
      for (const std::string &G : C->Ignore)
        if (Display != "-" && matchGlob(G, Rel))
          Ignored = true;
      if (Opts.Profile.empty() && C->Profile)
        Prof = *C->Profile;
    }
    if (Opts.ForceType)
      S.Type = *Opts.ForceType;
    const auto &All = Rules.rules();
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
  };

  struct Job {
    std::string Display;
    FileSettings Settings;
  };
  std::vector<Job> Jobs;
  for (const std::string &F : Inputs.Files) {
    bool Ignored = false;
    FileSettings S = SettingsFor(F, Ignored);
    if (Ignored)
      continue;
    Jobs.push_back({F, std::move(S)});
  }

  LintOptions LO;
  LO.UseContext = !Opts.NoContext;
  LO.ShowQualified = Opts.ShowQualified || isLedger(Opts.Format);
  LO.MinSeverity = Opts.MinSeverity;
  LO.Today = Opts.Today.empty() ? todayUtc() : Opts.Today;
  Linter L(Rules, **An, LO);

  EmitterOptions EO;
  EO.Color = Opts.Color && OS->has_colors();
  std::unique_ptr<Emitter> Em = makeEmitter(Opts.Format, *OS, EO);
  Summary Sum;
  Em->begin();
  // Input errors (missing files) are reported, the rest still linted.
  for (const std::string &E : Inputs.Errors) {
    Err << "claimlint: error: " << E << '\n';
    ++Sum.IoErrors;
  }

  // 6. Lint in parallel; emit in path order as results arrive, with a
  // bounded window so memory does not grow with the number of files.
  unsigned Threads =
      Opts.Jobs ? Opts.Jobs : std::thread::hardware_concurrency();
  Threads = std::max(1u, std::min<unsigned>(Threads, Jobs.size()));
  const size_t Window = 4 * static_cast<size_t>(Threads);
  std::vector<std::unique_ptr<FileReport>> Slots(Jobs.size());
  std::mutex Mu;
  std::condition_variable Ready, Room;
  size_t Emitted = 0;
  std::atomic<size_t> Next{0};
  auto Work = [&]() {
    while (true) {
      size_t I = Next++;
      if (I >= Jobs.size())
        return;
      {
        std::unique_lock<std::mutex> Lock(Mu);
        Room.wait(Lock, [&] { return I < Emitted + Window; });
      }
      const Job &J = Jobs[I];
      auto R = std::make_unique<FileReport>();
      auto Text = readFile(J.Display);
      std::string Shown = J.Display == "-" ? (Opts.StdinFilename.empty()
                                                  ? std::string("<stdin>")
                                                  : Opts.StdinFilename)
                                           : J.Display;
      if (!Text) {
        R->Path = Shown;
        std::string M = llvm::toString(Text.takeError());
        // "path: reason" -> "reason"
        llvm::StringRef MR(M);
        if (MR.startswith(J.Display + ": "))
          M = MR.drop_front(J.Display.size() + 2).str();
        R->Error = M;
      } else {
        *R = L.lint(Shown, std::move(*Text), J.Settings);
      }
      std::lock_guard<std::mutex> Lock(Mu);
      Slots[I] = std::move(R);
      Ready.notify_all();
    }
  };
  std::vector<std::thread> Pool;
  for (unsigned T = 0; T < Threads && !Jobs.empty(); ++T)
    Pool.emplace_back(Work);
  for (size_t I = 0; I < Jobs.size(); ++I) {
    std::unique_ptr<FileReport> R;
    {
      std::unique_lock<std::mutex> Lock(Mu);
      Ready.wait(Lock, [&] { return Slots[I] != nullptr; });
      R = std::move(Slots[I]);
    }
    ++Sum.Files;
    if (!R->Error.empty()) {
      ++Sum.IoErrors;
      Err << "claimlint: error: " << R->Path << ": " << R->Error << '\n';
    } else {
      Sum.Bytes += R->Text.size();
      if (!R->Diags.empty())
        ++Sum.FilesWithFindings;
      for (const Diagnostic &D : R->Diags) {
        if (D.Sev == Severity::Error)
          ++Sum.Errors;
        else if (D.Sev == Severity::Warning)
          ++Sum.Warnings;
        else
          ++Sum.Infos;
      }
      Em->file(*R);
    }
    {
      std::lock_guard<std::mutex> Lock(Mu);
      Emitted = I + 1;
      Room.notify_all();
    }
  }
  for (std::thread &T : Pool)
    T.join();
  Em->end(Sum);
  OS->flush();
  if (File && File->has_error()) {
    Err << "claimlint: error: " << Opts.OutputFile << ": write failed\n";
    File->clear_error();
    return ExitError;
  }

  if (Sum.IoErrors)
    return ExitError;
  if (!Opts.FailOn)
    return ExitClean;
  bool Failing =
      (*Opts.FailOn == Severity::Info &&
       Sum.Errors + Sum.Warnings + Sum.Infos) ||
      (*Opts.FailOn == Severity::Warning && Sum.Errors + Sum.Warnings) ||
      (*Opts.FailOn == Severity::Error && Sum.Errors);
  return Failing ? ExitFindings : ExitClean;
}

} // namespace claimlint
