//===- Output/TextEmitter.cpp - clang-style text output
//--------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// Prints findings the way clang does, through llvm::SMDiagnostic:
//   path:line:col: warning: message [rule]
//   source excerpt
//          ^~~~~~
//          suggestion
//   path:line:col: note: how to fix it
// Long lines are cut to a window around the finding, marked with "...".
//
//===----------------------------------------------------------------------===//

#include "Output/Emitter.h"
#include "Support/LineIndex.h"

#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/WithColor.h"

namespace claimlint {

namespace {

class TextEmitter : public Emitter {
public:
  TextEmitter(llvm::raw_ostream &OS, const EmitterOptions &Opts)
      : OS(OS), Opts(Opts) {}

  void file(const FileReport &R) override {
    if (!R.Error.empty()) {
      llvm::WithColor(OS, llvm::raw_ostream::SAVEDCOLOR, true, !Opts.Color)
          << R.Path << ": ";
      llvm::WithColor(OS, llvm::raw_ostream::RED, true, !Opts.Color)
          << "error: ";
      OS << R.Error << '\n';
      return;
    }
    if (R.Diags.empty())
      return;
    LineIndex Lines(R.Text);
    llvm::SourceMgr SM;
    for (const Diagnostic &D : R.Diags)
      print(D, Lines, SM);
  }

  void end(const Summary &S) override {
    unsigned N = S.Errors + S.Warnings + S.Infos;
    if (N == 0)
      return;
    auto Plural = [](unsigned K, const char *W) {
      return std::to_string(K) + " " + W + (K == 1 ? "" : "s");
    };
    OS << Plural(S.Errors, "error") << ", " << Plural(S.Warnings, "warning")
       << ", " << S.Infos << " info in " << Plural(S.FilesWithFindings, "file")
       << " (" << Plural(S.Files, "file") << " checked)\n";
  }

private:
  void print(const Diagnostic &D, const LineIndex &Lines, llvm::SourceMgr &SM) {
    llvm::StringRef Line = Lines.lineText(D.Line);
    size_t LineStart = Lines.lineStart(D.Line);
    size_t Col0 = D.Offset - LineStart; // byte column, 0-based
    size_t SpanEnd = std::min<size_t>(Col0 + D.Length, Line.size());
    // Cut a window of about ContextColumns bytes around the finding, on
    // UTF-8 character boundaries.
    size_t From = 0, To = Line.size();
    unsigned W = Opts.ContextColumns;
    if (Line.size() > W) {
      size_t Want = SpanEnd - Col0 < W ? (W - (SpanEnd - Col0)) / 2 : 0;
      From = Col0 > Want ? Col0 - Want : 0;
      To = std::min(Line.size(), std::max(SpanEnd, From + W));
      while (From > 0 &&
             (static_cast<unsigned char>(Line[From]) & 0xC0) == 0x80)
        --From;
      while (To < Line.size() &&
             (static_cast<unsigned char>(Line[To]) & 0xC0) == 0x80)
        ++To;
    }
    std::string Excerpt;
    size_t Shift = 0;
    if (From > 0) {
      Excerpt = "...";
      Shift = 3;
    }
    for (char C : Line.slice(From, To))
      Excerpt.push_back(C == '\t' ? ' ' : C);
    if (To < Line.size())
      Excerpt += "...";
    unsigned ExCol = static_cast<unsigned>(Col0 - From + Shift);
    unsigned ExEnd =
        static_cast<unsigned>(std::min(SpanEnd, To) - From + Shift);
    std::string Msg = D.Message + " [" + D.RuleId + "]";
    llvm::SourceMgr::DiagKind Kind =
        D.Sev == Severity::Error     ? llvm::SourceMgr::DK_Error
        : D.Sev == Severity::Warning ? llvm::SourceMgr::DK_Warning
                                     : llvm::SourceMgr::DK_Remark;
    // The fix-it line shows the first suggestion under the caret. SMFixIt
    // needs locations in a buffer, so the excerpt is registered as one.
    auto Buf = llvm::MemoryBuffer::getMemBufferCopy(Excerpt, D.Path);
    const char *Base = Buf->getBufferStart();
    SM.AddNewSourceBuffer(std::move(Buf), llvm::SMLoc());
    llvm::SMLoc Loc = llvm::SMLoc::getFromPointer(Base + ExCol);
    std::vector<llvm::SMFixIt> Fixes;
    if (!D.Suggestions.empty() && D.EndLine == D.Line)
      Fixes.emplace_back(
          llvm::SMRange(Loc, llvm::SMLoc::getFromPointer(Base + ExEnd)),
          D.Suggestions.front());
    std::pair<unsigned, unsigned> Rng(ExCol, std::max(ExEnd, ExCol + 1));
    llvm::SMDiagnostic Diag(SM, Loc, D.Path, static_cast<int>(D.Line),
                            static_cast<int>(D.Column - 1), Kind, Msg, Excerpt,
                            {Rng}, Fixes);
    printDiag(Diag, D.Sev);
    std::string Note = D.Note;
    if (!D.Evidence.empty())
      Note = "evidence: " + D.Evidence +
             (D.Reviewer.empty() ? "" : ", reviewed by " + D.Reviewer) +
             (D.Expires.empty() ? "" : ", expires " + D.Expires);
    if (!Note.empty()) {
      // Printed by hand: SMDiagnostic would add an empty source line.
      llvm::WithColor(OS, llvm::raw_ostream::SAVEDCOLOR, true, !Opts.Color)
          << D.Path << ':' << D.Line << ':' << D.Column << ": ";
      llvm::WithColor(OS, llvm::raw_ostream::BLACK, true, !Opts.Color)
          << "note: ";
      OS << Note << '\n';
    }
  }

  void printDiag(const llvm::SMDiagnostic &Diag, Severity Sev) {
    if (Diag.getKind() == llvm::SourceMgr::DK_Remark) {
      // LLVM calls it "remark"; claimlint calls the level "info".
      std::string S;
      llvm::raw_string_ostream SS(S);
      Diag.print(nullptr, SS, false);
      SS.flush();
      size_t P = S.find(": remark: ");
      if (P != std::string::npos) {
        OS << S.substr(0, P + 2);
        llvm::WithColor(OS, llvm::raw_ostream::BLUE, true, !Opts.Color)
            << "info: ";
        OS << S.substr(P + 10);
        return;
      }
      OS << S;
      return;
    }
    (void)Sev;
    Diag.print(nullptr, OS, Opts.Color);
  }

  llvm::raw_ostream &OS;
  EmitterOptions Opts;
};

} // namespace

std::unique_ptr<Emitter> makeTextEmitter(llvm::raw_ostream &OS,
                                         const EmitterOptions &Opts) {
  return std::make_unique<TextEmitter>(OS, Opts);
}

} // namespace claimlint
