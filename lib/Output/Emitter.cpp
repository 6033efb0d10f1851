//===- Output/Emitter.cpp - Output formats --------------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Output/Emitter.h"

namespace claimlint {

std::unique_ptr<Emitter> makeTextEmitter(llvm::raw_ostream &OS,
                                         const EmitterOptions &Opts);
std::unique_ptr<Emitter> makeJsonEmitter(llvm::raw_ostream &OS,
                                         const EmitterOptions &Opts);
std::unique_ptr<Emitter> makeClaimsEmitter(llvm::raw_ostream &OS, bool Json);

llvm::Optional<OutputFormat> parseOutputFormat(llvm::StringRef Name) {
  if (Name == "text")
    return OutputFormat::Text;
  if (Name == "json")
    return OutputFormat::Json;
  if (Name == "claims")
    return OutputFormat::Claims;
  if (Name == "claims-json")
    return OutputFormat::ClaimsJson;
  return llvm::None;
}

std::unique_ptr<Emitter> makeEmitter(OutputFormat F, llvm::raw_ostream &OS,
                                     const EmitterOptions &Opts) {
  switch (F) {
  case OutputFormat::Text:
    return makeTextEmitter(OS, Opts);
  case OutputFormat::Json:
    return makeJsonEmitter(OS, Opts);
  case OutputFormat::Claims:
    return makeClaimsEmitter(OS, false);
  case OutputFormat::ClaimsJson:
    return makeClaimsEmitter(OS, true);
  }
  return makeTextEmitter(OS, Opts);
}

} // namespace claimlint
