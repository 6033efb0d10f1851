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
#include "Engine/Fix.h"
#include "Engine/Linter.h"
#include "Engine/Workspace.h"
#include "Output/DiffFilter.h"
#include "Rules/Builtin.h"
#include "Rules/RuleLoader.h"
#include "Support/Error.h"
#include "Support/FileSystem.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <ctime>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "Audit/Audit.h"
#include "Audit/Crawler.h"
#include "Audit/Progress.h"
#include "Audit/Url.h"

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

struct FixCounts {
  unsigned Fixes = 0, Files = 0;
};

/// --fix and --fix-dry-run for one linted file: applies (or shows) the safe
/// suggestions of \p R's findings. After a fix, \p R is the lint of the
/// new text. Returns false after reporting an error.
bool fixFile(const DriverOptions &Opts, const Linter &L, const FileSettings &S,
             const std::string &Display, FileReport &R, llvm::raw_ostream &OS,
             llvm::raw_ostream &Err, FixCounts &Count) {
  FixPlan Plan = planFixes(R.Text, R.Diags);
  for (const auto &Sk : Plan.Skipped)
    Err << "claimlint: note: " << R.Path << ':' << Sk.first->Line << ':'
        << Sk.first->Column << ": " << Sk.first->RuleId
        << ": safe suggestion not applied: " << Sk.second << '\n';
  if (Plan.Edits.empty())
    return true;
  std::string After = applyEdits(R.Text, Plan.Edits);
  if (Opts.FixDryRun) {
    OS << unifiedDiff(R.Path, R.Text, After);
  } else {
    WriteFixOptions WO;
    WO.PauseMarker = Opts.FixPauseMarker;
    if (llvm::Error E = writeFixedFile(Display, R.Text, After, WO)) {
      Err << "claimlint: error: " << llvm::toString(std::move(E)) << '\n';
      return false;
    }
    R = L.lint(R.Path, std::move(After), S);
  }
  Count.Fixes += Plan.Edits.size();
  ++Count.Files;
  return true;
}

/// Configs for web pages are found from the current folder, as for a page
/// there.
const char *const UrlSettingsPath = "index.html";

/// Fetches (and with --crawl, crawls) \p Urls, and lints and emits each page
/// as it arrives, in crawl order.
void auditUrls(const DriverOptions &Opts, llvm::ArrayRef<std::string> Urls,
               Workspace &W, AuditSession &Audit, Emitter &Em, Summary &Sum,
               bool ShowProgress, llvm::raw_ostream &Err) {
  const Linter &L = W.linter();
  bool Ignored = false;
  FileSettings Base = W.settingsFor(UrlSettingsPath, Ignored);
  ProgressBar Bar(Err, ShowProgress, "pages");
  CrawlOptions CO;
  CO.Crawl = Opts.Crawl;
  CO.MaxPages = Opts.MaxPages;
  CO.Rate = Opts.Rate;
  CO.TimeoutSeconds = Opts.Timeout;
  CO.UserAgent = std::string("claimlint/") + CLAIMLINT_VERSION;
  CrawlCallbacks CB;
  CB.Wanted = [&](const std::string &U) { return Audit.inShard(U); };
  CB.Error = [&](const std::string &U, const std::string &Why) {
    Bar.finish();
    Err << "claimlint: error: " << U << ": " << Why << '\n';
    ++Sum.IoErrors;
  };
  CB.Note = [&](const std::string &U, const std::string &Why) {
    Bar.finish();
    Err << "claimlint: note: " << U << ": " << Why << '\n';
  };
  CB.Progress = [&](size_t Done, size_t Known) { Bar.update(Done, Known); };
  CB.Page = [&](CrawledPage &&P) {
    FileSettings S = Base;
    S.Type = Opts.ForceType ? *Opts.ForceType : P.Type;
    FileReport R = L.lint(P.Url, std::move(P.Body), S);
    Audit.prepare(R);
    ++Sum.Files;
    if (!R.Error.empty()) {
      ++Sum.IoErrors;
      Err << "claimlint: error: " << R.Path << ": " << R.Error << '\n';
      return;
    }
    Sum.Bytes += R.Text.size();
    Audit.filter(R);
    if (!R.Diags.empty())
      ++Sum.FilesWithFindings;
    for (const Diagnostic &D : R.Diags) {
      if (D.Sev == Severity::Error)
        ++Sum.Errors;
      else if (D.Sev == Severity::Warning)
        ++Sum.Warnings;
      else
        ++Sum.Infos;
    }
    Em.file(R);
  };
  crawl(Urls, CO, CB);
  Bar.finish();
}

} // namespace

int runDriver(const DriverOptions &Opts) {
  llvm::raw_ostream &Err = llvm::errs();
  bool ErrColor = Opts.Color && Err.has_colors();
  auto Fail = [&](llvm::Error E) {
    printErrors(std::move(E), Err, ErrColor);
    return ExitError;
  };

  bool Listing = Opts.ListRules || !Opts.Explain.empty();
  if (!Listing && Opts.Paths.empty()) {
    Err << "claimlint: error: no input files (try 'claimlint --help')\n";
    return ExitError;
  }
  // The name a path is judged by: stdin takes --stdin-filename.
  auto NameOf = [&](const std::string &Display) -> std::string {
    if (Display != "-")
      return Display;
    return Opts.StdinFilename.empty() ? std::string("<stdin>")
                                      : Opts.StdinFilename;
  };

  WorkspaceOptions WO;
  WO.RulesDirs = Opts.RulesDirs;
  WO.Config = Opts.Config;
  WO.NoConfig = Opts.NoConfig;
  WO.Profile = Opts.Profile;
  WO.Enable = Opts.Enable;
  WO.Disable = Opts.Disable;
  WO.ForceType = Opts.ForceType;
  WO.Lint.UseContext = !Opts.NoContext;
  WO.Lint.ShowQualified = Opts.ShowQualified || isLedger(Opts.Format);
  WO.Lint.MinSeverity = Opts.MinSeverity;
  WO.Lint.Today = Opts.Today.empty() ? todayUtc() : Opts.Today;

  // Audit options: web pages are fetched, not walked (docs/audits.md).
  std::vector<std::string> Urls, LocalPaths;
  for (const std::string &P : Opts.Paths)
    (isWebUrl(P) ? Urls : LocalPaths).push_back(P);
  AuditOptions AO;
  if (!Opts.Shard.empty()) {
    auto Sh = parseShard(Opts.Shard);
    if (!Sh)
      return Fail(Sh.takeError());
    AO.Shard = *Sh;
  }
  if (auto BM = parseBoilerplateMode(Opts.Boilerplate))
    AO.Boilerplate = *BM;
  else
    return Fail(makeError("--boilerplate must be once, every or skip"));
  AO.Baseline = Opts.Baseline;
  AO.WriteBaseline = Opts.WriteBaseline;
  AO.Summary = Opts.Summary;
  auto AuditOrErr = AuditSession::create(AO);
  if (!AuditOrErr)
    return Fail(AuditOrErr.takeError());
  AuditSession &Audit = **AuditOrErr;
  bool ShowProgress = Opts.Progress < 0
                          ? llvm::sys::Process::StandardErrIsDisplayed()
                          : Opts.Progress > 0;

  // 1. Inputs. A first workspace without rules would be wasted work, so the
  // walk asks configs directly for extra file types.
  WalkResult Inputs;
  std::vector<std::string> ConfigProbe;
  if (!Listing) {
    ConfigResolver Probe(Opts.Config, Opts.NoConfig);
    Inputs = walkPaths(LocalPaths, [&](llvm::StringRef P) {
      if (hasLintableExtension(P))
        return true;
      llvm::StringRef Dir = llvm::sys::path::parent_path(P);
      for (const auto &C : Probe.chainFor(Dir.empty() ? "." : Dir))
        for (const auto &FT : C->FileTypes)
          if (matchGlob(FT.first, pathRelativeTo(C->Dir, P)))
            return true;
      return false;
    });
    llvm::consumeError(Probe.takeErrors()); // reported by the workspace
    llvm::erase_if(Inputs.Files,
                   [&](const std::string &F) { return !Audit.inShard(F); });
    for (const std::string &F : Inputs.Files)
      ConfigProbe.push_back(NameOf(F));
    if (!Urls.empty())
      ConfigProbe.push_back(UrlSettingsPath);
  }

  // 2. Rules, lexicon and configs.
  auto WS = Workspace::create(WO, ConfigProbe);
  if (!WS)
    return Fail(WS.takeError());
  Workspace &W = **WS;
  const RuleSet &Rules = W.rules();
  for (const Rule &R : Rules.rules())
    if (R.Kind == RuleKind::Document)
      Audit.addPageLevelRule(R.Id);

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
      std::string Hint = W.nearestRule(Opts.Explain);
      Err << "claimlint: error: unknown rule '" << Opts.Explain << "'"
          << (Hint.empty() ? "" : "; did you mean '" + Hint + "'?") << '\n';
      return ExitError;
    }
    explainRule(Rules.rules()[Idx], *OS);
    return ExitClean;
  }

  // Files share their settings when they are the same (nearly always): a
  // copy per file made memory grow with the number of files.
  struct Job {
    std::string Display;
    std::shared_ptr<const FileSettings> Settings;
  };
  std::vector<Job> Jobs;
  Jobs.reserve(Inputs.Files.size());
  std::vector<std::shared_ptr<const FileSettings>> Distinct;
  for (std::string &F : Inputs.Files) {
    bool Ignored = false;
    FileSettings S = W.settingsFor(NameOf(F), Ignored);
    // A config only ignores files it finds, not files named on the command
    // line or given on stdin.
    if (Ignored && F != "-" &&
        std::find(Opts.Paths.begin(), Opts.Paths.end(), F) == Opts.Paths.end())
      continue;
    auto Same = llvm::find_if(Distinct, [&](const auto &D) {
      return D->Type == S.Type && D->Enabled == S.Enabled &&
             D->Override == S.Override && D->MetaEnabled == S.MetaEnabled;
    });
    if (Same == Distinct.end()) {
      Distinct.push_back(std::make_shared<const FileSettings>(std::move(S)));
      Same = Distinct.end() - 1;
    }
    Jobs.push_back({std::move(F), *Same});
  }
  Inputs.Files.clear();
  Inputs.Files.shrink_to_fit();
  if (llvm::Error E = W.takeConfigErrors())
    return Fail(std::move(E));
  const Linter &L = W.linter();

  llvm::Optional<DiffFilter> Diff;
  if (!Opts.DiffBase.empty()) {
    auto D = DiffFilter::create(Opts.DiffBase);
    if (!D)
      return Fail(D.takeError());
    Diff = std::move(*D);
  }

  EmitterOptions EO;
  EO.Color = Opts.Color && OS->has_colors();
  EO.Rules = &Rules;
  EO.ToolVersion = CLAIMLINT_VERSION;
  if (Opts.Format == OutputFormat::GitHub)
    if (const char *P = std::getenv("GITHUB_STEP_SUMMARY"))
      EO.StepSummaryFile = P;
  // --fix-dry-run prints a diff instead of the findings.
  llvm::raw_null_ostream NoFindings;
  if (Opts.FixDryRun)
    EO.StepSummaryFile.clear();
  std::unique_ptr<Emitter> Em =
      makeEmitter(Opts.Format, Opts.FixDryRun ? NoFindings : *OS, EO);
  FixCounts Fixed;
  Summary Sum;
  Em->begin();
  // Input errors (missing files) are reported, the rest still linted.
  for (const std::string &E : Inputs.Errors) {
    Err << "claimlint: error: " << E << '\n';
    ++Sum.IoErrors;
  }
  for (const std::string &N : Inputs.Notes)
    Err << "claimlint: note: " << N << '\n';
  ProgressBar Bar(Err, ShowProgress && !Jobs.empty());
  Bar.setTotal(Jobs.size());

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
        *R = L.lint(Shown, std::move(*Text), *J.Settings);
        Audit.prepare(*R);
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
      auto Filter = [&] {
        if (Diff)
          llvm::erase_if(R->Diags, [&](const Diagnostic &D) {
            return !Diff->keep(R->Path, D.Line, D.EndLine);
          });
      };
      Filter();
      if (Opts.Fix || Opts.FixDryRun) {
        if (!fixFile(Opts, L, *Jobs[I].Settings, Jobs[I].Display, *R, *OS, Err,
                     Fixed))
          ++Sum.IoErrors;
        Filter(); // a fix changes no line, so the same lines stay
      }
      Audit.filter(*R);
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
    Bar.advance(R->Text.size());
    {
      std::lock_guard<std::mutex> Lock(Mu);
      Emitted = I + 1;
      Room.notify_all();
    }
  }
  for (std::thread &T : Pool)
    T.join();
  Bar.finish();
  if (!Urls.empty())
    auditUrls(Opts, Urls, W, Audit, *Em, Sum, ShowProgress, Err);
  Em->end(Sum);
  if (Opts.Fix || Opts.FixDryRun)
    Err << "claimlint: " << Fixed.Fixes
        << (Fixed.Fixes == 1 ? " fix" : " fixes") << " in " << Fixed.Files
        << (Fixed.Files == 1 ? " file" : " files")
        << (Opts.FixDryRun ? " would be applied" : " applied") << '\n';
  OS->flush();
  if (File && File->has_error()) {
    Err << "claimlint: error: " << Opts.OutputFile << ": write failed\n";
    File->clear_error();
    return ExitError;
  }

  {
    // The summary follows a text report, or stands alone when the report
    // went to a file; next to a machine-readable report it goes to stderr.
    bool ToStdout =
        !Opts.OutputFile.empty() || Opts.Format == OutputFormat::Text;
    if (llvm::Error E = Audit.finish(ToStdout ? llvm::outs() : Err, Err))
      return Fail(std::move(E));
  }
  if (Sum.IoErrors)
    return ExitError;
  if (!Opts.WriteBaseline.empty()) // recording a baseline accepts everything
    return ExitClean;
  if (Opts.FixDryRun) // like diff: 1 when there is a difference
    return Fixed.Fixes ? ExitFindings : ExitClean;
  // --max-warnings applies even with --fail-on never.
  if (Opts.MaxWarnings && Sum.Warnings > *Opts.MaxWarnings)
    return ExitFindings;
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
