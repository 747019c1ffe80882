package org.camrin.programme.programme;

import java.util.Arrays;
import java.util.List;

import org.camrin.programme.project.query.ProjectQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The network's programmes; every signed-in user may read them. */
@RestController
@RequestMapping("/api/programmes")
class ProgrammeController {

    private final ProjectQueries projects;

    ProgrammeController(ProjectQueries projects) {
        this.projects = projects;
    }

    record ProgrammeResponse(String id, String name, String description, int projectCount) {
    }

    @GetMapping
    List<ProgrammeResponse> list() {
        return Arrays.stream(Programme.values()).map(this::toResponse).toList();
    }

    @GetMapping("/{programmeId}")
    ProgrammeResponse get(@PathVariable String programmeId) {
        return toResponse(Programme.require(programmeId));
    }

    private ProgrammeResponse toResponse(Programme programme) {
        return new ProgrammeResponse(programme.id(), programme.displayName(), programme.description(),
                projects.countProjectsOf(programme.id()));
    }
}
