//===- Output/RdjsonEmitter.cpp - reviewdog rdjson ------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// reviewdog's Diagnostic Format (rdjson, `reviewdog -f=rdjson`): one
// DiagnosticResult with a diagnostic per finding. Ranges are 1-based lines
// and 1-based columns in UTF-8 bytes with an exclusive end, exactly the
// Diagnostic's own byte positions; each suggested rewrite replaces the range.
//
//===----------------------------------------------------------------------===//

#include "Output/Emitter.h"
#include "Output/Escape.h"
#include "Output/RuleInfo.h"

#include "llvm/ADT/StringMap.h"

#include <nlohmann/json.hpp>

namespace claimlint {

namespace {

using nlohmann::json;

const char *rdSeverity(Severity S) {
  switch (S) {
  case Severity::Error:
    return "ERROR";
  case Severity::Warning:
    return "WARNING";
  case Severity::Info:
    return "INFO";
  }
  return "WARNING";
}

class RdjsonEmitter : public Emitter {
public:
  RdjsonEmitter(llvm::raw_ostream &OS, const EmitterOptions &Opts)
      : OS(OS), Opts(Opts) {}

  void begin() override {
    OS << "{\"source\": {\"name\": \"claimlint\"},\n\"diagnostics\": [";
  }

  void file(const FileReport &R) override {
    if (!R.Error.empty())
      return;
    for (const Diagnostic &D : R.Diags) {
      json Range = {{"start", {{"line", D.Line}, {"column", D.Column}}},
                    {"end", {{"line", D.EndLine}, {"column", D.EndColumn}}}};
      json J = {{"message", D.Message},
                {"location", {{"path", reportPath(D.Path)}, {"range", Range}}},
                {"severity", rdSeverity(D.Sev)},
                {"source", {{"name", "claimlint"}}},
                {"code", code(D.RuleId)}};
      if (D.Length > 0 && !D.Suggestions.empty()) {
        json S = json::array();
        for (const std::string &Text : D.Suggestions)
          S.push_back({{"range", Range}, {"text", Text}});
        J["suggestions"] = S;
      }
      OS << (First ? "\n  " : ",\n  ")
         << J.dump(-1, ' ', false, json::error_handler_t::replace);
      First = false;
    }
  }

  void end(const Summary &) override { OS << (First ? "]}\n" : "\n]}\n"); }

private:
  json code(const std::string &Id) {
    auto It = Urls.find(Id);
    if (It == Urls.end())
      It = Urls.insert({Id, describeRule(Opts.Rules, Id).HelpUri}).first;
    json C = {{"value", Id}};
    if (!It->second.empty())
      C["url"] = It->second;
    return C;
  }

  llvm::raw_ostream &OS;
  EmitterOptions Opts;
  bool First = true;
  llvm::StringMap<std::string> Urls;
};

} // namespace

std::unique_ptr<Emitter> makeRdjsonEmitter(llvm::raw_ostream &OS,
                                           const EmitterOptions &Opts) {
  return std::make_unique<RdjsonEmitter>(OS, Opts);
}

} // namespace claimlint
