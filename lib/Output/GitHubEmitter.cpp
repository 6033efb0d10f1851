//===- Output/GitHubEmitter.cpp - GitHub Actions workflow commands --------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// Each finding becomes an annotation command,
//   ::warning file=docs/a.md,line=3,endLine=3,col=5,endColumn=20,title=...::msg
// with 1-based UTF-16 columns (given only when the finding is on one line).
// GitHub shows only the first few annotations of each level in a step, so
// after AnnotationsPerLevel of a level the rest are printed as plain
// clang-style lines, and a Markdown table of every finding is appended to the
// step summary file ($GITHUB_STEP_SUMMARY), which has no such cap.
//
// Document text never starts an output line: every plain line starts with a
// path, and a path that would read as a command is prefixed with "./".
//
//===----------------------------------------------------------------------===//

#include "Output/Emitter.h"
#include "Output/Escape.h"
#include "Support/LineIndex.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

namespace claimlint {

namespace {

constexpr unsigned AnnotationsPerLevel = 10;
constexpr unsigned SummaryRows = 1000;

const char *commandFor(Severity S) {
  switch (S) {
  case Severity::Error:
    return "error";
  case Severity::Warning:
    return "warning";
  case Severity::Info:
    return "notice";
  }
  return "warning";
}

std::string plural(unsigned N, const char *Word) {
  return std::to_string(N) + " " + Word + (N == 1 ? "" : "s");
}

/// One line with no line breaks.
std::string oneLine(llvm::StringRef S) {
  std::string Out;
  for (char C : S)
    Out.push_back(C == '\n' || C == '\r' ? ' ' : C);
  return Out;
}

class GitHubEmitter : public Emitter {
public:
  GitHubEmitter(llvm::raw_ostream &OS, const EmitterOptions &Opts)
      : OS(OS), Opts(Opts) {}

  void file(const FileReport &R) override {
    if (!R.Error.empty() || R.Diags.empty())
      return;
    std::string Path = reportPath(R.Path);
    LineIndex Lines(R.Text);
    for (const Diagnostic &D : R.Diags) {
      LineIndex::Position B = Lines.position(D.Offset, ColumnUnit::Utf16);
      LineIndex::Position E = Lines.position(
          static_cast<size_t>(D.Offset) + D.Length, ColumnUnit::Utf16);
      unsigned &Shown = ShownPerLevel[static_cast<int>(D.Sev)];
      if (Shown < AnnotationsPerLevel) {
        ++Shown;
        OS << "::" << commandFor(D.Sev) << " file=" << workflowProperty(Path)
           << ",line=" << B.Line << ",endLine=" << E.Line;
        if (B.Line == E.Line)
          OS << ",col=" << B.Column << ",endColumn=" << E.Column;
        OS << ",title=" << workflowProperty("claimlint " + D.RuleId)
           << "::" << workflowData(D.Message);
        if (!D.Note.empty())
          OS << workflowData("\n" + D.Note);
        OS << '\n';
      } else {
        ++Hidden;
        std::string Line = oneLine(Path) + ":" + std::to_string(B.Line) + ":" +
                           std::to_string(B.Column) + ": " +
                           severityName(D.Sev).str() + ": " +
                           oneLine(D.Message) + " [" + D.RuleId + "]";
        if (llvm::StringRef(Line).ltrim().startswith("::"))
          Line = "./" + Line;
        OS << Line << '\n';
      }
      if (Rows.size() < SummaryRows)
        Rows.push_back("| " + std::string(severityName(D.Sev)) + " | " +
                       markdownCell(Path + ":" + std::to_string(B.Line) + ":" +
                                    std::to_string(B.Column)) +
                       " | " + markdownCell(D.RuleId) + " | " +
                       markdownCell(D.Message) + " |");
    }
  }

  void end(const Summary &S) override {
    unsigned N = S.Errors + S.Warnings + S.Infos;
    if (Hidden)
      OS << "::notice title=claimlint::"
         << workflowData(plural(Hidden, "more finding") +
                         " printed above without annotations (GitHub shows "
                         "only the first " +
                         std::to_string(AnnotationsPerLevel) +
                         " of each level in a step); the job summary lists "
                         "all of them")
         << '\n';
    OS << "claimlint: " << totals(S) << '\n';
    if (Opts.StepSummaryFile.empty())
      return;
    std::error_code EC;
    llvm::raw_fd_ostream Sum(Opts.StepSummaryFile, EC,
                             llvm::sys::fs::OF_Append);
    if (EC) {
      llvm::errs() << "claimlint: warning: cannot write the step summary "
                   << Opts.StepSummaryFile << ": " << EC.message() << '\n';
      return;
    }
    Sum << "### claimlint\n\n";
    if (N == 0) {
      Sum << "No findings in " << plural(S.Files, "file") << " checked.\n\n";
      return;
    }
    Sum << totals(S) << ".\n\n";
    Sum << "| Severity | Location | Rule | Message |\n"
        << "| --- | --- | --- | --- |\n";
    for (const std::string &Row : Rows)
      Sum << Row << '\n';
    if (N > Rows.size())
      Sum << "\n"
          << plural(N - static_cast<unsigned>(Rows.size()), "more finding")
          << " not listed; use the SARIF or JSON output for all of them.\n";
    Sum << '\n';
  }

private:
  static std::string totals(const Summary &S) {
    return plural(S.Errors, "error") + ", " + plural(S.Warnings, "warning") +
           ", " + std::to_string(S.Infos) + " info in " +
           plural(S.FilesWithFindings, "file") + " (" +
           plural(S.Files, "file") + " checked)";
  }

  llvm::raw_ostream &OS;
  EmitterOptions Opts;
  unsigned ShownPerLevel[3] = {0, 0, 0};
  unsigned Hidden = 0;
  std::vector<std::string> Rows;
};

} // namespace

std::unique_ptr<Emitter> makeGitHubEmitter(llvm::raw_ostream &OS,
                                           const EmitterOptions &Opts) {
  return std::make_unique<GitHubEmitter>(OS, Opts);
}

} // namespace claimlint
