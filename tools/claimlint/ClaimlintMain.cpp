//===- claimlint/ClaimlintMain.cpp - The claimlint command
//-----------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// Parses flags (docs/cli.md) and hands over to runDriver(). Usage errors exit
// with status 2, like every other input error.
//
//===----------------------------------------------------------------------===//

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cstdlib>
#include <unistd.h>

#include "Driver.h"
#include "Prebuilt/BuiltinTables.h"

using namespace claimlint;
namespace cl = llvm::cl;

static cl::OptionCategory Cat("claimlint options");

static cl::list<std::string> Paths(cl::Positional,
                                   cl::desc("<file|folder|url|->"),
                                   cl::ZeroOrMore, cl::cat(Cat));
static cl::opt<std::string>
    StdinFilename("stdin-filename",
                  cl::desc("Name (and so type and config) for text read from "
                           "'-'"),
                  cl::value_desc("path"), cl::cat(Cat));
static cl::opt<std::string>
    Format("format",
           cl::desc("Output format: text (default), json, claims (the claim "
                    "ledger), claims-json, sarif, github, gitlab, "
                    "checkstyle, junit, rdjson, jsonl, html"),
           cl::init("text"), cl::value_desc("format"), cl::cat(Cat));
static cl::opt<bool> NoColor("no-color", cl::desc("Never colour the output"),
                             cl::cat(Cat));
static cl::opt<std::string> OutputFile("o", cl::desc("Write output to <file>"),
                                       cl::value_desc("file"), cl::cat(Cat));
static cl::alias OutputFileLong("output", cl::aliasopt(OutputFile),
                                cl::desc("Alias for -o"));
static cl::opt<bool>
    ListRules("list-rules", cl::desc("List the rules and exit"), cl::cat(Cat));
static cl::opt<std::string> Explain("explain",
                                    cl::desc("Explain a rule and exit"),
                                    cl::value_desc("rule"), cl::cat(Cat));
static cl::list<std::string>
    Enable("enable", cl::desc("Enable rules matching these globs"),
           cl::CommaSeparated, cl::value_desc("glob"), cl::cat(Cat));
static cl::list<std::string>
    Disable("disable",
            cl::desc("Disable rules matching these globs (applied before "
                     "--enable)"),
            cl::CommaSeparated, cl::value_desc("glob"), cl::cat(Cat));
static cl::opt<std::string>
    MinSeverity("min-severity",
                cl::desc("Report only findings at or above: info (default), "
                         "warning, error"),
                cl::init("info"), cl::value_desc("level"), cl::cat(Cat));
static cl::opt<std::string>
    FailOn("fail-on",
           cl::desc("Exit 1 when a finding at or above this is reported: "
                    "error, warning (default), info, never"),
           cl::init("warning"), cl::value_desc("level"), cl::cat(Cat));
static cl::opt<int> MaxWarnings(
    "max-warnings",
    cl::desc("Exit 1 when more than <n> warnings are reported (default: -1, "
             "no limit)"),
    cl::init(-1), cl::value_desc("n"), cl::cat(Cat));
static cl::opt<std::string> DiffBase(
    "diff-base",
    cl::desc("Report only findings on lines added or changed since git "
             "revision <rev> (from its merge base with HEAD to the working "
             "tree; untracked files count as new)"),
    cl::value_desc("rev"), cl::cat(Cat));
static cl::list<std::string> RulesDirs("rules-dir",
                                       cl::desc("Add the rule packs in <dir>"),
                                       cl::value_desc("dir"), cl::cat(Cat));
static cl::opt<std::string>
    ConfigFile("config",
               cl::desc("Use this config file instead of finding "
                        ".claimlint.json"),
               cl::value_desc("file"), cl::cat(Cat));
static cl::opt<bool> NoConfig("no-config",
                              cl::desc("Ignore every .claimlint.json"),
                              cl::cat(Cat));
static cl::opt<std::string>
    Profile("profile",
            cl::desc("Jurisdiction profile: us, uk, eu, au (see docs)"),
            cl::value_desc("name"), cl::cat(Cat));
static cl::opt<bool> ShowQualified(
    "show-qualified",
    cl::desc("Also list negated, reported and qualified claims (as info)"),
    cl::cat(Cat));
static cl::opt<bool>
    NoContext("no-context",
              cl::desc("Turn context analysis off: every match is reported "
                       "unqualified (a baseline)"),
              cl::cat(Cat));
static cl::opt<unsigned> Jobs("jobs",
                              cl::desc("Files linted at once (default: all "
                                       "cores)"),
                              cl::init(0), cl::value_desc("n"), cl::cat(Cat));
static cl::alias JobsShort("j", cl::aliasopt(Jobs),
                           cl::desc("Alias for --jobs"));
static cl::opt<std::string>
    FileTypeOpt("file-type",
                cl::desc("Read every input as markdown, html or text"),
                cl::value_desc("type"), cl::cat(Cat));
static cl::opt<std::string>
    Today("today", cl::desc("Date used for evidence expiry (YYYY-MM-DD)"),
          cl::value_desc("date"), cl::Hidden, cl::cat(Cat));
static cl::opt<bool>
    Fix("fix",
        cl::desc("Apply the suggestions rules mark as safe, in place "
                 "(atomically; a file changed meanwhile is left alone)"),
        cl::cat(Cat));
static cl::opt<bool> FixDryRun(
    "fix-dry-run",
    cl::desc("Print what --fix would change as a unified diff; exit 1 if "
             "anything would change"),
    cl::cat(Cat));
static cl::opt<std::string> FixTestPause(
    "fix-test-pause",
    cl::desc("Tests only: pause --fix before its rename, after creating "
             "<file>"),
    cl::value_desc("file"), cl::Hidden, cl::cat(Cat));

static cl::opt<bool>
    Crawl("crawl",
          cl::desc("With URL inputs: also audit the same-site pages they link "
                   "to and the site's sitemap.xml, obeying robots.txt"),
          cl::cat(Cat));
static cl::opt<unsigned>
    MaxPages("max-pages",
             cl::desc("With --crawl: read at most <n> pages (default 500)"),
             cl::init(500), cl::value_desc("n"), cl::cat(Cat));
static cl::opt<double>
    Rate("rate",
         cl::desc("Requests per second to a site at most (default 2; 0: no "
                  "limit; robots.txt Crawl-delay can slow it further)"),
         cl::init(2), cl::value_desc("n"), cl::cat(Cat));
static cl::opt<unsigned>
    Timeout("timeout",
            cl::desc("Seconds one request may take, redirects included "
                     "(default 30)"),
            cl::init(30), cl::value_desc("s"), cl::cat(Cat));
static cl::opt<bool>
    SummaryOpt("summary",
               cl::desc("After the report, summarise findings per page "
                        "(worst first) and per rule"),
               cl::cat(Cat));
static cl::opt<std::string> WriteBaseline(
    "write-baseline",
    cl::desc("Record every finding in <file> as accepted, and exit 0"),
    cl::value_desc("file"), cl::cat(Cat));
static cl::opt<std::string> BaselineFile(
    "baseline",
    cl::desc("Report (and fail on) only findings not accepted in <file>; "
             "list stale entries"),
    cl::value_desc("file"), cl::cat(Cat));
static cl::opt<std::string>
    Shard("shard",
          cl::desc("Audit only part K of N of the inputs (a deterministic "
                   "split, for parallel CI jobs)"),
          cl::value_desc("K/N"), cl::cat(Cat));
static cl::opt<std::string> Boilerplate(
    "boilerplate",
    cl::desc("Findings in navigation, site header and footer, and cookie "
             "banners: once per site (default), every (page), skip"),
    cl::init("once"), cl::value_desc("mode"), cl::cat(Cat));
static cl::opt<std::string>
    ProgressOpt("progress",
                cl::desc("Progress bar on stderr: auto (when it is a "
                         "terminal; default), always, never"),
                cl::init("auto"), cl::value_desc("when"), cl::cat(Cat));

static void printVersion(llvm::raw_ostream &OS) {
  OS << "claimlint " << CLAIMLINT_VERSION << '\n';
}

int main(int Argc, char **Argv) {
  llvm::InitLLVM X(Argc, Argv);
  // Start-up tables recorded at build time; without them (never in a
  // normal build) everything is built as usual.
  claimlint::installBuiltinTables();
  cl::SetVersionPrinter(printVersion);
  cl::HideUnrelatedOptions(Cat);
  if (!cl::ParseCommandLineOptions(
          Argc, Argv,
          "claimlint: find unqualified health claims in Markdown, HTML and "
          "text\n\n  claimlint [options] <file|folder|url|-> ...\n\n"
          "Exit status: 0 nothing at or above --fail-on, 1 findings, 2 usage, "
          "configuration or I/O error.\n",
          &llvm::errs()))
    return ExitError;

  DriverOptions O;
  O.Paths = Paths;
  O.StdinFilename = StdinFilename;
  auto F = parseOutputFormat(Format);
  if (!F) {
    llvm::errs() << "claimlint: error: unknown --format '" << Format
                 << "' (text, json, claims, claims-json, sarif, github, "
                    "gitlab, checkstyle, junit, rdjson, jsonl, html)\n";
    return ExitError;
  }
  O.Format = *F;
  const char *NoColorEnv = std::getenv("NO_COLOR");
  O.Color = !NoColor && !(NoColorEnv && *NoColorEnv);
  O.OutputFile = OutputFile;
  O.ListRules = ListRules;
  O.Explain = Explain;
  O.Enable = Enable;
  O.Disable = Disable;
  auto Min = parseSeverity(MinSeverity);
  if (!Min) {
    llvm::errs() << "claimlint: error: --min-severity must be info, warning "
                    "or error\n";
    return ExitError;
  }
  O.MinSeverity = *Min;
  if (FailOn == "never") {
    O.FailOn = llvm::None;
  } else if (auto S = parseSeverity(FailOn)) {
    O.FailOn = *S;
  } else {
    llvm::errs() << "claimlint: error: --fail-on must be error, warning, info "
                    "or never\n";
    return ExitError;
  }
  if (MaxWarnings < -1) {
    llvm::errs() << "claimlint: error: --max-warnings must be -1 (no limit) "
                    "or a count\n";
    return ExitError;
  }
  if (MaxWarnings >= 0)
    O.MaxWarnings = static_cast<unsigned>(MaxWarnings);
  O.DiffBase = DiffBase;
  O.RulesDirs = RulesDirs;
  if (!ConfigFile.empty())
    O.Config = ConfigFile.getValue();
  O.NoConfig = NoConfig;
  O.Profile = Profile;
  O.ShowQualified = ShowQualified;
  O.NoContext = NoContext;
  O.Jobs = Jobs;
  O.Today = Today;
  if (!FileTypeOpt.empty()) {
    O.ForceType = parseFileType(FileTypeOpt);
    if (!O.ForceType) {
      llvm::errs() << "claimlint: error: --file-type must be markdown, html "
                      "or text\n";
      return ExitError;
    }
  }
  if (!O.Paths.empty() && !O.StdinFilename.empty()) {
    bool HasStdin = false;
    for (const std::string &P : O.Paths)
      HasStdin |= P == "-";
    if (!HasStdin) {
      llvm::errs() << "claimlint: error: --stdin-filename needs '-' among "
                      "the inputs\n";
      return ExitError;
    }
  }
  O.Fix = Fix;
  O.FixDryRun = FixDryRun;
  O.FixPauseMarker = FixTestPause;
  if (O.Fix && O.FixDryRun) {
    llvm::errs() << "claimlint: error: --fix and --fix-dry-run exclude each "
                    "other\n";
    return ExitError;
  }
  if (O.Fix &&
      std::find(O.Paths.begin(), O.Paths.end(), "-") != O.Paths.end()) {
    llvm::errs() << "claimlint: error: --fix cannot rewrite standard input; "
                    "use --fix-dry-run\n";
    return ExitError;
  }
  O.Crawl = Crawl;
  O.MaxPages = MaxPages;
  if (Rate < 0) {
    llvm::errs() << "claimlint: error: --rate must be 0 (no limit) or more\n";
    return ExitError;
  }
  O.Rate = Rate;
  O.Timeout = std::max(1u, Timeout.getValue());
  O.Summary = SummaryOpt;
  O.WriteBaseline = WriteBaseline;
  O.Baseline = BaselineFile;
  O.Shard = Shard;
  O.Boilerplate = Boilerplate;
  if (ProgressOpt == "auto" || ProgressOpt == "always" ||
      ProgressOpt == "never") {
    O.Progress = ProgressOpt == "auto" ? -1 : ProgressOpt == "always";
  } else {
    llvm::errs() << "claimlint: error: --progress must be auto, always or "
                    "never\n";
    return ExitError;
  }
  return runDriver(O);
}
