//===- Output/JunitEmitter.cpp - JUnit XML --------------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// A JUnit report for CI test tabs (GitLab artifacts:reports:junit): one
// test case per finding, classname the file, named "<path>:<line>:<col>
// <rule>" (UTF-16 columns), made unique with " #2", " #3"... because GitLab
// keeps only the first of equal names. Errors and warnings are failures;
// info findings pass, their message in <system-out>. A file without findings
// is one passing test case, so the report also shows what was checked.
//
//===----------------------------------------------------------------------===//

#include "Output/Emitter.h"
#include "Output/Escape.h"
#include "Support/LineIndex.h"

#include "llvm/ADT/StringMap.h"

namespace claimlint {

namespace {

class JunitEmitter : public Emitter {
public:
  explicit JunitEmitter(llvm::raw_ostream &OS) : OS(OS) {}

  void file(const FileReport &R) override {
    if (!R.Error.empty())
      return;
    std::string Path = reportPath(R.Path);
    std::string Class = xmlEscape(Path, true);
    if (R.Diags.empty()) {
      Cases += "    <testcase classname=\"" + Class + "\" name=\"" +
               xmlEscape(unique(Path + ": no findings"), true) + "\" file=\"" +
               Class + "\" time=\"0\"/>\n";
      ++Tests;
      return;
    }
    LineIndex Lines(R.Text);
    for (const Diagnostic &D : R.Diags) {
      LineIndex::Position B = Lines.position(D.Offset, ColumnUnit::Utf16);
      std::string Pos = std::to_string(B.Line) + ":" + std::to_string(B.Column);
      std::string Name = unique(Path + ":" + Pos + " " + D.RuleId);
      std::string Text = Path + ":" + Pos + ": " + severityName(D.Sev).str() +
                         ": " + D.Message + " [" + D.RuleId + "]";
      if (!D.Note.empty())
        Text += "\n" + Path + ":" + Pos + ": note: " + D.Note;
      Cases += "    <testcase classname=\"" + Class + "\" name=\"" +
               xmlEscape(Name, true) + "\" file=\"" + Class +
               "\" time=\"0\">\n";
      if (D.Sev == Severity::Info) {
        Cases +=
            "      <system-out>" + xmlEscape(Text, false) + "</system-out>\n";
      } else {
        ++Failures;
        Cases += "      <failure type=\"" + xmlEscape(D.RuleId, true) +
                 "\" message=\"" + xmlEscape(D.Message, true) + "\">" +
                 xmlEscape(Text, false) + "</failure>\n";
      }
      Cases += "    </testcase>\n";
      ++Tests;
    }
  }

  void end(const Summary &) override {
    std::string Counts = " tests=\"" + std::to_string(Tests) +
                         "\" failures=\"" + std::to_string(Failures) +
                         "\" errors=\"0\"";
    OS << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       << "<testsuites name=\"claimlint\"" << Counts << ">\n"
       << "  <testsuite name=\"claimlint\"" << Counts
       << " skipped=\"0\" time=\"0\">\n"
       << Cases << "  </testsuite>\n</testsuites>\n";
  }

private:
  std::string unique(const std::string &Name) {
    unsigned N = ++Seen[Name];
    if (N == 1)
      return Name;
    // "#2" could itself be taken by a name that ends that way; keep going.
    std::string Candidate;
    do
      Candidate = Name + " #" + std::to_string(N++);
    while (Seen.count(Candidate));
    Seen[Name] = N - 1;
    Seen[Candidate] = 1;
    return Candidate;
  }

  llvm::raw_ostream &OS;
  std::string Cases;
  unsigned Tests = 0, Failures = 0;
  llvm::StringMap<unsigned> Seen;
};

} // namespace

std::unique_ptr<Emitter> makeJunitEmitter(llvm::raw_ostream &OS,
                                          const EmitterOptions &) {
  return std::make_unique<JunitEmitter>(OS);
}

} // namespace claimlint
