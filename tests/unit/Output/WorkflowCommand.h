//===- unit/Output/WorkflowCommand.h - The runner's side --------*- C++ -*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The GitHub Actions runner's side of workflow commands, re-implemented from
/// its documented behaviour so tests can read back what the github emitter
/// wrote: a line (leading whitespace trimmed) "::name props::data", props
/// split on ',' and each on its first '='; values unescaped %0D, %0A, %3A,
/// %2C and finally %25, data %0D, %0A and %25.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_TESTS_OUTPUT_WORKFLOWCOMMAND_H
#define CLAIMLINT_TESTS_OUTPUT_WORKFLOWCOMMAND_H

#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"

#include <map>
#include <string>

namespace claimlint {
namespace test {

inline std::string replaceAll(std::string S, const std::string &From,
                              const std::string &To) {
  for (size_t P = 0; (P = S.find(From, P)) != std::string::npos; P += To.size())
    S.replace(P, From.size(), To);
  return S;
}

inline std::string unescapeData(std::string S) {
  S = replaceAll(S, "%0D", "\r");
  S = replaceAll(S, "%0A", "\n");
  return replaceAll(S, "%25", "%");
}

inline std::string unescapeProperty(std::string S) {
  S = replaceAll(S, "%0D", "\r");
  S = replaceAll(S, "%0A", "\n");
  S = replaceAll(S, "%3A", ":");
  S = replaceAll(S, "%2C", ",");
  return replaceAll(S, "%25", "%");
}

struct WorkflowCommand {
  std::string Name;
  std::map<std::string, std::string> Props;
  std::string Data;
};

inline llvm::Optional<WorkflowCommand> parseCommand(llvm::StringRef Line) {
  Line = Line.ltrim();
  if (!Line.consume_front("::"))
    return llvm::None;
  size_t End = Line.find("::");
  if (End == llvm::StringRef::npos)
    return llvm::None;
  llvm::StringRef Head = Line.take_front(End);
  WorkflowCommand C;
  C.Data = unescapeData(Line.drop_front(End + 2).str());
  llvm::StringRef Props;
  std::tie(Head, Props) = Head.split(' ');
  C.Name = Head.str();
  while (!Props.empty()) {
    llvm::StringRef P;
    std::tie(P, Props) = Props.split(',');
    llvm::StringRef K, V;
    std::tie(K, V) = P.split('=');
    if (!K.empty())
      C.Props[K.lower()] = unescapeProperty(V.str());
  }
  return C;
}

} // namespace test
} // namespace claimlint

#endif // CLAIMLINT_TESTS_OUTPUT_WORKFLOWCOMMAND_H
