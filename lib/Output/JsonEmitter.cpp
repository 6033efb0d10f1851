//===- Output/JsonEmitter.cpp - One JSON document
//--------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// {"diagnostics": [...], "summary": {...}, "version": 1}. Diagnostics are
// streamed one per line as files arrive, so memory does not grow with the
// number of files; keys are sorted, as nlohmann::json writes them.
//
//===----------------------------------------------------------------------===//

#include "Output/Emitter.h"

#include <nlohmann/json.hpp>

namespace claimlint {

namespace {

using nlohmann::json;

/// Writes \p S as a JSON string, byte for byte as nlohmann::json would.
/// ASCII is escaped here; text with other bytes goes through nlohmann, which
/// also replaces invalid UTF-8.
void writeString(llvm::raw_ostream &OS, llvm::StringRef S) {
  for (char C : S)
    if (static_cast<unsigned char>(C) >= 0x80) {
      OS << json(S.str()).dump(-1, ' ', false, json::error_handler_t::replace);
      return;
    }
  OS << '"';
  size_t Run = 0; // start of the bytes not yet written
  for (size_t I = 0; I < S.size(); ++I) {
    auto C = static_cast<unsigned char>(S[I]);
    if (C >= 0x20 && C != '"' && C != '\\')
      continue;
    OS << S.slice(Run, I);
    Run = I + 1;
    switch (C) {
    case '"':
      OS << "\\\"";
      break;
    case '\\':
      OS << "\\\\";
      break;
    case '\b':
      OS << "\\b";
      break;
    case '\t':
      OS << "\\t";
      break;
    case '\n':
      OS << "\\n";
      break;
    case '\f':
      OS << "\\f";
      break;
    case '\r':
      OS << "\\r";
      break;
    default: {
      static const char Hex[] = "0123456789abcdef";
      char U[] = {'\\', 'u', '0', '0', Hex[C >> 4], Hex[C & 15]};
      OS.write(U, sizeof(U));
    }
    }
  }
  OS << S.substr(Run) << '"';
}

/// Writes one diagnostic as a compact object with its keys sorted, as
/// nlohmann::json's dump() of the same object would (without building it:
/// this is the hot path of --format json).
void writeDiagnostic(llvm::raw_ostream &OS, const Diagnostic &D) {
  auto Key = [&](const char *K) { OS << '"' << K << "\":"; };
  OS << '{';
  Key("column");
  OS << D.Column;
  OS << ',';
  Key("cues");
  OS << '[';
  for (size_t I = 0; I < D.Cues.size(); ++I) {
    const DiagnosticCue &C = D.Cues[I];
    OS << (I ? ",{" : "{");
    Key("kind");
    writeString(OS, C.Kind);
    OS << ',';
    Key("length");
    OS << C.Length << ',';
    Key("offset");
    OS << C.Offset << ',';
    Key("text");
    writeString(OS, C.Text);
    OS << '}';
  }
  OS << "],";
  Key("endColumn");
  OS << D.EndColumn << ',';
  Key("endLine");
  OS << D.EndLine << ',';
  if (!D.Evidence.empty()) {
    Key("evidence");
    OS << '{';
    Key("evidence");
    writeString(OS, D.Evidence);
    if (!D.Expires.empty()) {
      OS << ',';
      Key("expires");
      writeString(OS, D.Expires);
    }
    if (!D.ReviewedOn.empty()) {
      OS << ',';
      Key("reviewed");
      writeString(OS, D.ReviewedOn);
    }
    if (!D.Reviewer.empty()) {
      OS << ',';
      Key("reviewer");
      writeString(OS, D.Reviewer);
    }
    OS << "},";
  }
  Key("explanation");
  writeString(OS, D.Explanation);
  OS << ',';
  Key("length");
  OS << D.Length << ',';
  Key("line");
  OS << D.Line << ',';
  Key("match");
  writeString(OS, D.Match);
  OS << ',';
  Key("message");
  writeString(OS, D.Message);
  OS << ',';
  if (!D.Note.empty()) {
    Key("note");
    writeString(OS, D.Note);
    OS << ',';
  }
  Key("offset");
  OS << D.Offset << ',';
  Key("path");
  writeString(OS, D.Path);
  OS << ',';
  Key("rule");
  writeString(OS, D.RuleId);
  OS << ',';
  Key("severity");
  writeString(OS, severityName(D.Sev));
  OS << ',';
  Key("status");
  writeString(OS, claimStatusName(D.Status));
  OS << ',';
  Key("suggestions");
  OS << '[';
  for (size_t I = 0; I < D.Suggestions.size(); ++I) {
    if (I)
      OS << ',';
    writeString(OS, D.Suggestions[I]);
  }
  OS << "]}";
}

/// Invalid UTF-8 in a match must not make the output unparsable.
std::string dump(const json &J) {
  return J.dump(-1, ' ', false, json::error_handler_t::replace);
}

class JsonEmitter : public Emitter {
public:
  JsonEmitter(llvm::raw_ostream &OS) : OS(OS) {}

  void begin() override { OS << "{\"diagnostics\": ["; }

  void file(const FileReport &R) override {
    if (!R.Error.empty()) {
      Errors.push_back({{"path", R.Path}, {"message", R.Error}});
      return;
    }
    for (const Diagnostic &D : R.Diags) {
      OS << (First ? "\n  " : ",\n  ");
      writeDiagnostic(OS, D);
      First = false;
    }
  }

  void end(const Summary &S) override {
    OS << (First ? "],\n" : "\n],\n");
    json Sum = {
        {"files", S.Files},   {"filesWithFindings", S.FilesWithFindings},
        {"errors", S.Errors}, {"warnings", S.Warnings},
        {"infos", S.Infos},   {"ioErrors", S.IoErrors},
        {"bytes", S.Bytes}};
    if (!Errors.empty())
      OS << "\"fileErrors\": " << dump(Errors) << ",\n";
    OS << "\"summary\": " << dump(Sum) << ",\n";
    OS << "\"version\": " << JsonSchemaVersion << "}\n";
  }

private:
  llvm::raw_ostream &OS;
  bool First = true;
  json Errors = json::array();
};

} // namespace

std::unique_ptr<Emitter> makeJsonEmitter(llvm::raw_ostream &OS,
                                         const EmitterOptions &) {
  return std::make_unique<JsonEmitter>(OS);
}

} // namespace claimlint
