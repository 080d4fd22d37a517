package org.takedown.appstore.repository;

import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A short list of strings (policy ids, how a party matched) kept as a JSON array in one text column. */
@Converter
public class StringListConverter implements AttributeConverter<List<String>, String> {

    @Override
    public String convertToDatabaseColumn(List<String> values) {
        return values == null ? null : JsonText.write(values);
    }

    @Override
    public List<String> convertToEntityAttribute(String json) {
        return json == null ? null : JsonText.read(json, new TypeReference<List<String>>() {
        });
    }
}
