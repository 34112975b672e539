# core/ and ui/ are each made of parts, one folder a part, declared bottom up with the parts each one uses.
# One declaration serves twice: it links the part's static library to the libraries of the parts it uses, and
# check_parts.cmake refuses, at every build, an include of any part it does not name.

# pyrometer_add_part(LAYER PART [USES PART…] [EXCLUDE FILE…])
# Makes the static library pyrometer_<layer>_<part> of the .cpp and .h files in <layer>/<part>/.
function(pyrometer_add_part layer part)
  cmake_parse_arguments(PARSE_ARGV 2 arg "" "" "USES;EXCLUDE")
  file(GLOB sources CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/${part}/*.cpp" "${CMAKE_CURRENT_SOURCE_DIR}/${part}/*.h")
  foreach(excluded IN LISTS arg_EXCLUDE)
    list(REMOVE_ITEM sources "${CMAKE_CURRENT_SOURCE_DIR}/${part}/${excluded}")
  endforeach()
  set(target pyrometer_${layer}_${part})
  add_library(${target} STATIC ${sources})
  target_include_directories(${target} PUBLIC "${PROJECT_SOURCE_DIR}")
  target_compile_features(${target} PUBLIC cxx_std_20)
  foreach(used IN LISTS arg_USES)
    if(NOT TARGET pyrometer_${layer}_${used})
      message(FATAL_ERROR "${layer}/${part} uses ${used}, which is not declared before it")
    endif()
    target_link_libraries(${target} PUBLIC pyrometer_${layer}_${used})
  endforeach()
  string(REPLACE ";" "," uses "${arg_USES}")
  set_property(GLOBAL APPEND PROPERTY PYROMETER_${layer}_RULES "${part}=${uses}")
  set_property(GLOBAL APPEND PROPERTY PYROMETER_${layer}_TARGETS ${target})
endfunction()

# pyrometer_check_parts(LAYER [NO_QT] [OUTSIDE LAYER…])
# Checks every file of <layer>/ before any of its parts is compiled, and again whenever one changes: each file
# lives in a declared part and includes, by its path from the repository root, only its own part, the parts it
# uses and the layers named OUTSIDE (the layers below this one); with NO_QT, no Qt header at all.
function(pyrometer_check_parts layer)
  cmake_parse_arguments(PARSE_ARGV 1 arg "NO_QT" "" "OUTSIDE")
  get_property(rules GLOBAL PROPERTY PYROMETER_${layer}_RULES)
  get_property(targets GLOBAL PROPERTY PYROMETER_${layer}_TARGETS)
  string(REPLACE ";" "|" rules "${rules}")
  string(REPLACE ";" "|" outside "${arg_OUTSIDE}")
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*.cpp" "${CMAKE_CURRENT_SOURCE_DIR}/*.h")
  set(stamp "${CMAKE_CURRENT_BINARY_DIR}/parts_checked.stamp")
  set(script "${PROJECT_SOURCE_DIR}/cmake/check_parts.cmake")
  add_custom_command(OUTPUT "${stamp}"
    COMMAND "${CMAKE_COMMAND}" "-DROOT=${PROJECT_SOURCE_DIR}" "-DLAYER=${layer}" "-DRULES=${rules}"
            "-DOUTSIDE=${outside}" "-DNO_QT=${arg_NO_QT}" -P "${script}"
    COMMAND "${CMAKE_COMMAND}" -E touch "${stamp}"
    DEPENDS ${sources} "${script}"
    COMMENT "Checking that the parts of ${layer}/ include only the parts below them"
    VERBATIM)
  add_custom_target(pyrometer_${layer}_parts_check DEPENDS "${stamp}")
  foreach(target IN LISTS targets)
    add_dependencies(${target} pyrometer_${layer}_parts_check)
  endforeach()
endfunction()
