//===- Output/CheckstyleEmitter.cpp - Checkstyle XML ----------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// The Checkstyle report that reviewdog (-f=checkstyle), cs2pr and Jenkins
// read: one <file> per file with findings, one <error> per finding with a
// 1-based line and a 1-based UTF-16 column (as in SARIF), the severity
// (error, warning, info), the message and the rule id as source.
//
//===----------------------------------------------------------------------===//

#include "Output/Emitter.h"
#include "Output/Escape.h"
#include "Support/LineIndex.h"

namespace claimlint {

namespace {

class CheckstyleEmitter : public Emitter {
public:
  explicit CheckstyleEmitter(llvm::raw_ostream &OS) : OS(OS) {}

  void begin() override {
    OS << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<checkstyle version=\"4.3\">\n";
  }

  void file(const FileReport &R) override {
    if (!R.Error.empty() || R.Diags.empty())
      return;
    LineIndex Lines(R.Text);
    OS << "  <file name=\"" << xmlEscape(reportPath(R.Path), true) << "\">\n";
    for (const Diagnostic &D : R.Diags) {
      LineIndex::Position B = Lines.position(D.Offset, ColumnUnit::Utf16);
      OS << "    <error line=\"" << B.Line << "\" column=\"" << B.Column
         << "\" severity=\"" << severityName(D.Sev) << "\" message=\""
         << xmlEscape(D.Message, true) << "\" source=\""
         << xmlEscape(D.RuleId, true) << "\"/>\n";
    }
    OS << "  </file>\n";
  }

  void end(const Summary &) override { OS << "</checkstyle>\n"; }

private:
  llvm::raw_ostream &OS;
};

} // namespace

std::unique_ptr<Emitter> makeCheckstyleEmitter(llvm::raw_ostream &OS,
                                               const EmitterOptions &) {
  return std::make_unique<CheckstyleEmitter>(OS);
}

} // namespace claimlint
